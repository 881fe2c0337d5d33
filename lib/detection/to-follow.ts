/**
 * "Mes situations à suivre", pure: open or in-progress situations, overdue reminders first (the
 * oldest overdue on top), then upcoming reminders, then those without a reminder (oldest first).
 */
export type ToFollowRow = { id: string; detectedOn: string; status: string; remindOn: string | null };

export function sortToFollow<T extends ToFollowRow>(rows: T[], today: string): (T & { overdue: boolean })[] {
  const rank = (r: T) => (r.remindOn && r.remindOn < today ? 0 : r.remindOn ? 1 : 2);
  return rows
    .filter((r) => r.status === "open" || r.status === "in_progress")
    .map((r) => ({ ...r, overdue: rank(r) === 0 }))
    .sort((a, b) => rank(a) - rank(b) || (a.remindOn ?? "").localeCompare(b.remindOn ?? "") || a.detectedOn.localeCompare(b.detectedOn) || a.id.localeCompare(b.id));
}
