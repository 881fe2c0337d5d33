import { HttpError } from "@/lib/auth/session";
import { importLegacyFile } from "@/lib/detection/legacy-import/import-file";
import { importRouteContext } from "@/lib/detection/legacy-import/route-context";
import { dropUpload, readStoredUpload } from "@/lib/detection/legacy-import/upload-store";
import { BadRequest, plainError, readForm, seeOther } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";

/**
 * The confirmed import of the file whose dry run was shown. Submitting twice adds nothing (each
 * row is keyed); the counts come back in the page's address.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const { user, db, territory, href } = await importRouteContext(request);
    const form = await readForm(request);
    const sha = form.get("fichier") ?? "";
    const bytes = readStoredUpload(territory.id, user.id, sha);
    if (!bytes) return seeOther(request, href({ erreur: "expire" }));
    const result = await importLegacyFile(db, territory.id, bytes, {
      dryRun: false, allowRefusals: form.get("refus") === "accepte", actorUserId: user.id, via: "page", now: new Date(),
    });
    if (!result.accepted) return seeOther(request, href({ fichier: sha }, "#essai"));
    dropUpload(territory.id, user.id, sha);
    return seeOther(request, href({ ajoutees: String(result.added), presentes: String(result.alreadyPresent), refusees: String(result.refused) }, "#resultat"));
  } catch (err) {
    if (err instanceof BadRequest) return plainError(400, err.message);
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
