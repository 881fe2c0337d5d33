import { HttpError } from "@/lib/auth/session";
import { DEFAULT_ZIP_LIMITS } from "@/lib/files/safe-zip";
import { BadRequest, plainError, seeOther } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { readUpload } from "@/lib/http/upload";
import { uploadModuleDraft } from "@/lib/modules/drafts";
import { moduleRouteContext } from "@/lib/modules/staff-context";
import { hitLimit } from "@/lib/security/rate-limit";

/** Each upload is parsed under limits, but still costs work: a few dozen an hour is plenty. */
const UPLOAD_LIMIT = { name: "module-upload", max: 30, windowSeconds: 3600 };

/** Upload of an XLSForm file (multipart, works without JavaScript) → a draft or its faults. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const { user, db, territory, href } = await moduleRouteContext(request);
    if (!(await hitLimit(db, UPLOAD_LIMIT, user.id)).allowed) return seeOther(request, href("", { erreur: "trop" }));
    const upload = await readUpload(request, "file", DEFAULT_ZIP_LIMITS.maxBytes);
    if ("tooLarge" in upload) return seeOther(request, href("", { erreur: "taille" }));
    if ("missing" in upload) return seeOther(request, href("", { erreur: "fichier" }));
    await uploadModuleDraft(db, territory.id, upload.file.bytes, upload.file.name, { userId: user.id });
    return seeOther(request, href("", {}) + "#brouillon");
  } catch (err) {
    if (err instanceof BadRequest) return plainError(400, err.message);
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
