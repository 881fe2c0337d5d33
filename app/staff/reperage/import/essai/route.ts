import { HttpError } from "@/lib/auth/session";
import { SHEET_LIMITS } from "@/lib/detection/legacy-import/read-sheet";
import { importRouteContext } from "@/lib/detection/legacy-import/route-context";
import { saveUpload } from "@/lib/detection/legacy-import/upload-store";
import { BadRequest, plainError, seeOther } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { readUpload } from "@/lib/http/upload";
import { hitLimit } from "@/lib/security/rate-limit";

const UPLOAD_LIMIT = { name: "detection-import-upload", max: 30, windowSeconds: 3600 };

/**
 * Upload of a legacy sheet (multipart, works without JavaScript): the file waits on the server
 * and the page shows its dry run (?fichier=<sha256>). Nothing is written to the database here.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const { user, db, territory, href } = await importRouteContext(request);
    if (!(await hitLimit(db, UPLOAD_LIMIT, user.id)).allowed) return seeOther(request, href({ erreur: "trop" }));
    const upload = await readUpload(request, "file", SHEET_LIMITS.maxBytes);
    if ("tooLarge" in upload) return seeOther(request, href({ erreur: "taille" }));
    if ("missing" in upload) return seeOther(request, href({ erreur: "fichier" }));
    const sha = saveUpload(territory.id, user.id, upload.file.bytes);
    return seeOther(request, href({ fichier: sha }, "#essai"));
  } catch (err) {
    if (err instanceof BadRequest) return plainError(400, err.message);
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
