import { HttpError } from "@/lib/auth/session";
import { importLegacyFile } from "@/lib/detection/legacy-import/import-file";
import { importRouteContext } from "@/lib/detection/legacy-import/route-context";
import { dropUpload, readStoredUpload } from "@/lib/detection/legacy-import/upload-store";
import { BadRequest, NO_STORE, plainError, readForm, seeOther } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { describeError, logger } from "@/lib/log/logger";

/**
 * The confirmed import of the file whose dry run was shown. Submitting twice adds nothing (each
 * row is keyed); the counts come back in the page's address. Without JavaScript: a 303 to the
 * page. With it (header `X-Progress: ndjson`): a streamed response, one line per chunk of rows
 * written ({"done","total"}), then {"location"} — the page's progress bar follows the rows.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const { user, db, territory, href } = await importRouteContext(request);
    const form = await readForm(request);
    const sha = form.get("fichier") ?? "";
    const run = async (onProgress?: (done: number, total: number) => void) => {
      const bytes = readStoredUpload(territory.id, user.id, sha);
      if (!bytes) return href({ erreur: "expire" });
      const result = await importLegacyFile(db, territory.id, bytes, {
        dryRun: false, allowRefusals: form.get("refus") === "accepte", actorUserId: user.id, via: "page", now: new Date(), onProgress,
      });
      if (!result.accepted) return href({ fichier: sha }, "#essai");
      dropUpload(territory.id, user.id, sha);
      return href({ ajoutees: String(result.added), presentes: String(result.alreadyPresent), refusees: String(result.refused) }, "#resultat");
    };
    if (request.headers.get("x-progress") !== "ndjson") return seeOther(request, await run());

    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const line = (v: object) => controller.enqueue(encoder.encode(`${JSON.stringify(v)}\n`));
        try {
          line({ location: await run((done, total) => line({ done, total })) });
        } catch (err) {
          // The transaction rolled back: nothing was written. Never the file's values in the log.
          logger.error("detection.import.failed", { territoryId: territory.id, ...describeError(err) });
          line({ location: href({ erreur: "echec" }) });
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": NO_STORE } });
  } catch (err) {
    if (err instanceof BadRequest) return plainError(400, err.message);
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
