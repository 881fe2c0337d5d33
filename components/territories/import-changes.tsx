import type { ImportDiff } from "@/lib/territories/boundaries/diff";

type Strings = {
  title: string; none: string; retiredLevels: (list: string) => string;
  count: (kind: "added" | "retired" | "renamed" | "reshaped" | "reparented" | "unchanged", n: number) => string;
  list: (label: string, items: string) => string;
};

const MAX_LISTED = 30;
const names = (items: string[]) => items.slice(0, MAX_LISTED).join(", ") + (items.length > MAX_LISTED ? ", …" : "");

/** "What changed" (or "what will change") of a boundaries import, level by level. */
export function ImportChanges({ diff, strings: s, id }: { diff: ImportDiff; strings: Strings; id: string }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{s.title}</h2>
      {!diff.changed && <p>{s.none}</p>}
      {diff.levels.map((l) => (
        <div key={l.key} className="card">
          <h3>{l.name}</h3>
          <ul>
            <li>{s.count("added", l.added.length)}{l.added.length > 0 && <> — {names(l.added.map((a) => `${a.name} (${a.code})`))}</>}</li>
            <li>{s.count("retired", l.retired.length)}{l.retired.length > 0 && <> — {names(l.retired.map((a) => `${a.name} (${a.code})`))}</>}</li>
            <li>{s.count("renamed", l.renamed.length)}{l.renamed.length > 0 && <> — {names(l.renamed.map((a) => `${a.from} → ${a.to} (${a.code})`))}</>}</li>
            <li>{s.count("reshaped", l.reshaped.length)}{l.reshaped.length > 0 && <> — {names(l.reshaped.map((a) => `${a.name} (${a.code})`))}</>}</li>
            <li>{s.count("reparented", l.reparented.length)}{l.reparented.length > 0 && <> — {names(l.reparented.map((a) => `${a.name} (${a.code})`))}</>}</li>
            <li>{s.count("unchanged", l.unchanged)}</li>
          </ul>
        </div>
      ))}
      {diff.retiredLevels.length > 0 && <p>{s.retiredLevels(diff.retiredLevels.join(", "))}</p>}
    </section>
  );
}
