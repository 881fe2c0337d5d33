import { HttpError } from "@/lib/auth/session";
import { territoryTemplate } from "@/lib/detection/legacy-import/import-file";
import { importRouteContext } from "@/lib/detection/legacy-import/route-context";
import { NO_STORE, plainError } from "@/lib/http/form";

/** The import template (.xlsx): "Situations", "Listes" from the territory's lists, "Lisez-moi". */
export async function GET(request: Request) {
  try {
    const { db, territory } = await importRouteContext(request);
    const bytes = await territoryTemplate(db, territory.id);
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="modele-reperage-${territory.slug}.xlsx"`,
        "Cache-Control": NO_STORE,
      },
    });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
