/** The platform admin's choice of territory for a staff page: a plain GET form, so it works without JavaScript. */
export function TerritoryPicker({ action, label, button, choices, current }: {
  action: string; label: string; button: string; choices: { slug: string; name: string }[]; current: string;
}) {
  return (
    <form method="get" action={action} className="question">
      <label className="label" htmlFor="t">{label}</label>
      <select id="t" name="t" defaultValue={current}>
        {choices.map((c) => <option key={c.slug} value={c.slug}>{c.name}</option>)}
      </select>
      <button className="button secondary" type="submit">{button}</button>
    </form>
  );
}
