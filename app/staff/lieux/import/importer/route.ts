import { z } from "zod";
import { HttpError } from "@/lib/auth/session";
import { dropUpload, readStoredUpload } from "@/lib/detection/legacy-import/upload-store";
import { BadRequest, plainError, readForm, seeOther } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { readPlacesFile } from "@/lib/places/import-file";
import { placesRouteContext } from "@/lib/places/staff-context";
import { importHelpPoints } from "@/lib/places/store";

/** The stored upload's key: its SHA-256 in hex. */
const UPLOAD_KEY = z.string().regex(/^[0-9a-f]{64}$/);

/** The confirmed import of a file whose dry run was shown: all rows in one transaction, or nothing. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const { user, db, territory, href } = await placesRouteContext(request);
    const parsed = UPLOAD_KEY.safeParse((await readForm(request)).get("fichier"));
    if (!parsed.success) return seeOther(request, href("/import", { erreur: "expire" }));
    const sha = parsed.data;
    const bytes = readStoredUpload(territory.id, user.id, sha);
    if (!bytes) return seeOther(request, href("/import", { erreur: "expire" }));
    const file = readPlacesFile(bytes);
    if ("error" in file) return seeOther(request, href("/import", { fichier: sha }, "#essai"));
    const report = await importHelpPoints(db, territory.id, file.rows, {
      dryRun: false, firstRowNumber: file.firstRowNumber, source: "data-inclusion", actor: { userId: user.id, kind: "staff" },
    });
    if (!report.applied) return seeOther(request, href("/import", { fichier: sha }, "#essai"));
    dropUpload(territory.id, user.id, sha); // a second click finds no file: nothing is imported twice
    return seeOther(request, href("", { msg: "importe", crees: String(report.created), maj: String(report.updated) }));
  } catch (err) {
    if (err instanceof BadRequest) return plainError(400, err.message);
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
