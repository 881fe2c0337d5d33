/** The sheet's status, in words (not colour alone): « à vérifier par le CCAS » until a lead validates it. */
export function StatusBadge({ status, label }: { status: "to_check" | "validated" | "none"; label: string }) {
  return <span className={`guide-status guide-status-${status}`} data-testid="guide-status" data-status={status}>{label}</span>;
}
