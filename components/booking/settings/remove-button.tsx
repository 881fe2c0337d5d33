/** A one-button form (archive, delete) posting to a bound server action; works without JavaScript. */
export function RemoveButton({ action, label, target }: { action: () => Promise<void>; label: string; target: string }) {
  return (
    <form action={action}>
      <button className="button link" type="submit">{label} <span className="visually-hidden">{target}</span></button>
    </form>
  );
}
