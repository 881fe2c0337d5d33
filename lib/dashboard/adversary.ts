/**
 * A differencing adversary for the committee's dashboards (the test of docs/decisions/0007).
 *
 * It reads published views — every indicator × level × single filter × benefit a committee
 * member can request — and subtracts them from each other the ways a reader can: a parent area
 * minus its children (across any two levels, and the territory minus a level's areas), a view
 * minus the same view with one filter (each filter dropped, the benefit filter included), a view
 * minus all values of one filter (the "prefer not to say" group), pairs of indicators whose
 * populations nest, and the options of a single-choice question (their numerators add up to the
 * question's denominator: one option from the others). Sums of several hidden cells are targets
 * like single ones.
 *
 * It knows the publication method: every published count may differ from the true one by at
 * most `bound` (0 when figures are exact). A derivation breaches when the interval of possible
 * true values of the derived group collapses to one value between 1 and k − 1: a small group,
 * or a small count with or without a trait, known exactly.
 *
 * Pure: the caller builds the views (through the same code as the pages) and the truth.
 */
export type PublishedCount = { num: number | null; den: number | null };
export type Quantity = "den" | "num" | "comp";
/** One view: its spec parts, and the published cells by area key ("total", "unknown", area ids). */
export type AdversaryView = {
  indicator: string; benefit: string | null; level: string;
  /** `name=value` of the single population filter, or null. */
  filter: string | null;
  cells: Map<string, PublishedCount>;
};
export type Term = { view: string; cell: string; q: Quantity; coef: 1 | -1 };
export type Derivation = { attack: string; description: string; q: Quantity; terms: Term[]; hiddenTarget: boolean };
export type Hierarchy = {
  /** Level keys, coarsest first. */
  levels: string[];
  /** Area id → its parent's id (none at the coarsest level). */
  parentOf: Map<string, string>;
  /** Area id → level key. */
  levelOf: Map<string, string>;
};
/** Indicator pairs whose populations nest: `big`'s quantity contains `small`'s. */
export type NestedPair = { big: { indicator: string; benefit: string | null; q: Quantity }; small: { indicator: string; benefit: string | null; q: Quantity } };

export const viewId = (v: Pick<AdversaryView, "indicator" | "benefit" | "level" | "filter">) =>
  `${v.indicator}|${v.benefit ?? "-"}|${v.level}|${v.filter ?? "-"}`;

const QS: Quantity[] = ["den", "num", "comp"];

function value(views: Map<string, AdversaryView>, view: string, cell: string, q: Quantity): number | null | undefined {
  const v = views.get(view);
  if (!v) return undefined;
  const c = v.cells.get(cell);
  if (!c) return undefined;
  if (c.den === null || c.num === null) return null;
  return q === "den" ? c.den : q === "num" ? c.num : c.den - c.num;
}

/**
 * Option families: the share indicators of one single-choice question (`q.<question>.<option>`,
 * every option listed), whose numerators partition their common denominator.
 */
export type OptionFamily = string[];

/** Every derivation the attacks produce over these views (whether or not it breaches). */
export function derivations(
  views: AdversaryView[], h: Hierarchy, filterValues: Record<string, string[]>, pairs: NestedPair[], families: OptionFamily[] = [],
): Derivation[] {
  const byId = new Map(views.map((v) => [viewId(v), v]));
  const out: Derivation[] = [];
  /** parent = Σ children: each child hidden (or the parent hidden) is derived from the visible rest. */
  const partition = (attack: string, what: string, parent: { view: string; cell: string }, children: { view: string; cell: string }[], remainder: boolean) => {
    for (const q of QS) {
      const p = value(byId, parent.view, parent.cell, q);
      if (p === undefined) continue;
      const vals = children.map((c) => value(byId, c.view, c.cell, q));
      if (vals.some((v) => v === undefined)) continue;
      const hidden = children.filter((_, i) => vals[i] === null);
      const visible = children.filter((_, i) => vals[i] !== null);
      if (p !== null && (hidden.length > 0 || remainder)) {
        out.push({
          attack, q, hiddenTarget: hidden.length > 0,
          description: `${what}: ${parent.view} ${parent.cell} − ${visible.length} visible → ${hidden.length} hidden${remainder ? " + remainder" : ""}`,
          terms: [{ ...parent, q, coef: 1 }, ...visible.map((c) => ({ ...c, q, coef: -1 as const }))],
        });
      }
      if (p === null && hidden.length === 0 && !remainder) {
        out.push({ attack, q, hiddenTarget: true, description: `${what}: hidden ${parent.view} ${parent.cell} = Σ children`, terms: visible.map((c) => ({ ...c, q, coef: 1 as const })) });
      }
    }
  };
  const specs = new Map<string, AdversaryView[]>();
  for (const v of views) {
    const key = `${v.indicator}|${v.benefit ?? "-"}|${v.filter ?? "-"}`;
    specs.set(key, [...(specs.get(key) ?? []), v]);
  }
  // 1. Across levels: each area minus its descendants at every finer level; the territory minus each level.
  for (const group of specs.values()) {
    for (const fine of group) {
      const allAreas = [...h.levelOf.entries()].filter(([, l]) => l === fine.level).map(([a]) => a);
      partition("levels", "territory − areas", { view: viewId(fine), cell: "total" },
        [...allAreas, "unknown"].map((cell) => ({ view: viewId(fine), cell })), false);
      for (const coarse of group) {
        if (h.levels.indexOf(coarse.level) >= h.levels.indexOf(fine.level)) continue;
        const children = new Map<string, string[]>();
        for (const a of allAreas) {
          let up: string | undefined = a;
          while (up && h.levelOf.get(up) !== coarse.level) up = h.parentOf.get(up);
          if (up) children.set(up, [...(children.get(up) ?? []), a]);
        }
        for (const [parent, kids] of children) {
          partition("levels", `${coarse.level} − ${fine.level}`, { view: viewId(coarse), cell: parent }, kids.map((cell) => ({ view: viewId(fine), cell })), false);
        }
      }
    }
  }
  // 2. Each filter dropped (the benefit too), 3. all values of one filter.
  for (const v of views) {
    const cells = [...v.cells.keys()];
    if (v.filter) {
      const base = viewId({ ...v, filter: null });
      if (byId.has(base)) for (const cell of cells) partition("filter_dropped", `without ${v.filter}`, { view: base, cell }, [{ view: viewId(v), cell }], true);
    }
    if (v.benefit) {
      const base = viewId({ ...v, benefit: null });
      if (byId.has(base)) for (const cell of cells) partition("benefit_dropped", `without benefit ${v.benefit}`, { view: base, cell }, [{ view: viewId(v), cell }], true);
    }
    if (!v.filter) {
      for (const [name, values] of Object.entries(filterValues)) {
        const parts = values.map((val) => viewId({ ...v, filter: `${name}=${val}` }));
        if (!parts.every((p) => byId.has(p))) continue;
        for (const cell of cells) partition("all_values", `all values of ${name}`, { view: viewId(v), cell }, parts.map((view) => ({ view, cell })), true);
      }
    }
  }
  // 4. Pairs of indicators over nested populations.
  for (const v of views) {
    for (const p of pairs) {
      if (v.indicator !== p.big.indicator || v.benefit !== p.big.benefit) continue;
      const small = viewId({ ...v, indicator: p.small.indicator, benefit: p.small.benefit });
      if (!byId.has(small)) continue;
      for (const cell of v.cells.keys()) {
        const a = value(byId, viewId(v), cell, p.big.q);
        const b = value(byId, small, cell, p.small.q);
        if (a === null || a === undefined || b === null || b === undefined) continue;
        out.push({
          attack: "indicator_pair", q: p.big.q, hiddenTarget: false,
          description: `${p.big.indicator}.${p.big.q} − ${p.small.indicator}.${p.small.q} in ${viewId(v)} ${cell}`,
          terms: [{ view: viewId(v), cell, q: p.big.q, coef: 1 }, { view: small, cell, q: p.small.q, coef: -1 }],
        });
      }
    }
  }
  // 5. The options of a single choice: the question's denominator minus the other options' numerators.
  for (const family of families) {
    for (const v of views) {
      if (v.indicator !== family[0]) continue;
      const members = family.map((indicator) => viewId({ ...v, indicator }));
      if (!members.every((m) => byId.has(m))) continue;
      for (const cell of v.cells.keys()) {
        const den = members.find((m) => value(byId, m, cell, "den") !== null);
        if (!den) continue;
        const nums = members.map((m) => value(byId, m, cell, "num"));
        const hidden = members.filter((_, i) => nums[i] === null);
        if (!hidden.length) continue;
        out.push({
          attack: "options", q: "num", hiddenTarget: true,
          description: `options of ${family[0]}: den − ${members.length - hidden.length} visible → ${hidden.length} hidden in ${v.level}|${v.filter ?? "-"} ${cell}`,
          terms: [{ view: den, cell, q: "den", coef: 1 }, ...members.filter((_, i) => nums[i] !== null).map((m) => ({ view: m, cell, q: "num" as const, coef: -1 as const }))],
        });
      }
    }
  }
  return out;
}

/** The interval of true values of a derivation, given that each published count is within `bound` of the truth. */
export function interval(views: Map<string, AdversaryView>, d: Derivation, bound: number): { lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  for (const t of d.terms) {
    const v = value(views, t.view, t.cell, t.q)!;
    // A complement is a difference of two published counts: twice the bound.
    const b = t.q === "comp" ? 2 * bound : bound;
    const [tlo, thi] = [Math.max(0, v - b), v + b];
    if (t.coef > 0) { lo += tlo; hi += thi; } else { lo -= thi; hi -= tlo; }
  }
  // A hidden cell is never empty (an empty area shows as "no response"): its size is at least 1.
  return { lo: Math.max(d.hiddenTarget && d.q === "den" ? 1 : 0, lo), hi };
}

/** The exact value of a derivation over other views (e.g. the true counts). */
export function evaluate(views: Map<string, AdversaryView>, d: Derivation): number | null {
  let s = 0;
  for (const t of d.terms) {
    const v = value(views, t.view, t.cell, t.q);
    if (v === null || v === undefined) return null;
    s += t.coef * v;
  }
  return s;
}

export type Breach = Derivation & { value: number };

/** Derivations that pin a group, or a count with or without a trait, to one value in 1 … k − 1. */
export function breaches(
  views: AdversaryView[], h: Hierarchy, filterValues: Record<string, string[]>, pairs: NestedPair[], bound: number, k: number, families: OptionFamily[] = [],
): Breach[] {
  const byId = new Map(views.map((v) => [viewId(v), v]));
  const out: Breach[] = [];
  for (const d of derivations(views, h, filterValues, pairs, families)) {
    const { lo, hi } = interval(byId, d, bound);
    if (lo === hi && lo >= 1 && lo < k) out.push({ ...d, value: lo });
  }
  return out;
}
