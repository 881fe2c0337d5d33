import { HttpError } from "@/lib/auth/session";
import { saveUpload } from "@/lib/detection/legacy-import/upload-store";
import { BadRequest, plainError, seeOther } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { readUpload } from "@/lib/http/upload";
import { placesRouteContext } from "@/lib/places/staff-context";
import { hitLimit } from "@/lib/security/rate-limit";

const MAX_BYTES = 2 * 1024 * 1024;
const UPLOAD_LIMIT = { name: "places-import-upload", max: 30, windowSeconds: 3600 };

/**
 * Upload of a data·inclusion file (multipart, works without JavaScript): it waits on the server
 * (the detection import's upload store, per user and territory) and the page shows its dry run.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const { user, db, territory, href } = await placesRouteContext(request);
    if (!(await hitLimit(db, UPLOAD_LIMIT, user.id)).allowed) return seeOther(request, href("/import", { erreur: "trop" }));
    const upload = await readUpload(request, "file", MAX_BYTES);
    if ("tooLarge" in upload) return seeOther(request, href("/import", { erreur: "taille" }));
    if ("missing" in upload) return seeOther(request, href("/import", { erreur: "fichier" }));
    const sha = saveUpload(territory.id, user.id, upload.file.bytes);
    return seeOther(request, href("/import", { fichier: sha }, "#essai"));
  } catch (err) {
    if (err instanceof BadRequest) return plainError(400, err.message);
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
