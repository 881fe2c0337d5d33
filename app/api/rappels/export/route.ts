import { getDb } from "@/db/client";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write-audit";
import { listQueue, queueFiltersSchema, QUEUE_PAGE_SIZE } from "@/lib/callbacks/queue";
import { toCsv } from "@/lib/export/csv";
import { plainError } from "@/lib/http/form";

/** CSV of the queue as filtered (this territory only). No contact data leaves in a file. */
export async function GET(request: Request) {
  try {
    const user = await requirePermissionApi("callbacks:handle");
    const db = await getDb();
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const territory = await staffTerritoryApi(db, user, params.t);
    const filters = queueFiltersSchema.parse(params);
    const rows = [];
    for (let page = 1; page <= 400; page++) {
      const q = await listQueue(db, territory.id, { ...filters, page }, user.id);
      rows.push(...q.rows);
      if (q.rows.length < QUEUE_PAGE_SIZE) break;
    }
    await writeAudit(db, {
      territoryId: territory.id, actorUserId: user.id, actorKind: "staff", action: "callback.export_csv",
      entity: "territory", entityId: territory.id, details: { rows: rows.length },
    });
    const csv = toCsv(
      ["id", "demande_le", "quartier", "langue", "canal", "etat", "a_appeler_avant", "en_retard", "agent", "appels_sans_succes"],
      rows.map((r) => [r.id, r.createdAt.toISOString(), r.neighbourhood, r.language, r.channel, r.status, r.dueOn, r.overdue ? "oui" : "non", r.assignee, r.failedAttempts]),
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="demandes-${territory.slug}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
