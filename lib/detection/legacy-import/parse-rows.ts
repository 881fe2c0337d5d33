import { createHash } from "node:crypto";
import type { DetectionLists } from "../options";
import { FORMES, LIMITS, type FormeCode } from "../reference";
import type { DetectionService } from "../services";
import { ACTION_ALIASES, ACTOR_ALIASES, BENEFIT_ALIASES, DOMAIN_ALIASES, FORME_ALIASES, REASON_ALIASES, SERVICE_ALIASES } from "./aliases";
import { COLUMNS, columnLetter, columnOf, looksLikeIdentity, type ColumnKey } from "./columns";
import { splitMulti } from "./normalise";
import type { ImportProblem, ProblemCode } from "./problems";
import {
  matchEntry, parseDate, parseEuros, parseInteger, parseIntensity, parseNature, parseTime, parseYesNo, type Parsed, type TimeClass,
} from "./values";

/** One valid row, as codes and ids ready to store (lib/detection/legacy-import/import-file.ts). */
export type LegacySituation = {
  row: number;
  /** import:<sha256 of the normalised row and its occurrence among identical rows>. */
  idempotencyKey: string;
  householdCode: string;
  detectedOn: string;
  serviceId: string;
  workerLabel: string | null;
  sectorId: string | null;
  peopleConcerned: number | null;
  financial: boolean | null;
  benefitCode: string | null;
  domain: string | null;
  actors: string[];
  formes: { forme: FormeCode; reason: string | null; level: string | null }[];
  intensity: "complete" | "partial" | null;
  causedFlag: boolean;
  /** The spreadsheet row of the causing situation, when given. */
  originRow: number | null;
  actions: string[];
  timeMinutes: number | null;
  timeClass: TimeClass | null;
  missedMonthly: string | null;
  missedMonths: number | null;
  optionalAidRequested: boolean | null;
  optionalAidGranted: string | null;
  summary: string | null;
};

export type ParseContext = {
  lists: DetectionLists;
  services: DetectionService[];
  /** The territory's areas (sectors, neighbourhoods), matched by code or name. */
  areas: { id: string; code: string; name: string }[];
  /** YYYY-MM-DD: dates after it are refused. */
  today: string;
};

export type ParseResult = { dataRows: number; situations: LegacySituation[]; problems: ImportProblem[]; refusedRows: number };

const HOUSEHOLD_CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,39}$/u;
/** A French social-security number (NIR) typed as a household code is refused, never stored. */
const LOOKS_LIKE_NIR = /^[12]\d{12}(\d{2})?$/;

/** Pure: the sheet's rows (first = headers) → valid situations and every problem by row and column. */
export function parseLegacyRows(rows: string[][], ctx: ParseContext): ParseResult {
  const problems: ImportProblem[] = [];
  const header = rows[0] ?? [];
  const place = new Map<ColumnKey, number>();
  const columnName = (key: ColumnKey) => {
    const i = place.get(key);
    return i === undefined ? COLUMNS.find((c) => c.key === key)!.header : `${columnLetter(i + 1)} (${header[i].trim()})`;
  };
  header.forEach((h, i) => {
    if (!h.trim()) return;
    const key = columnOf(h);
    const col = `${columnLetter(i + 1)} (${h.trim()})`;
    if (!key) {
      problems.push(looksLikeIdentity(h)
        ? { level: "error", code: "identityColumn", row: 1, column: col }
        : { level: "warning", code: "unknownColumn", row: 1, column: col });
    } else if (place.has(key)) {
      problems.push({ level: "error", code: "duplicateColumn", row: 1, column: col });
    } else place.set(key, i);
  });
  const dataRowIndexes = rows.map((_, i) => i).slice(1).filter((i) => rows[i].some((c) => c.trim() !== ""));
  if (!dataRowIndexes.length) problems.push({ level: "error", code: "empty", row: null, column: null });
  for (const c of COLUMNS.filter((c) => c.required && !place.has(c.key))) {
    problems.push({ level: "error", code: "missingColumn", row: 1, column: null, params: { column: c.header } });
  }
  if (problems.some((p) => p.level === "error")) return { dataRows: dataRowIndexes.length, situations: [], problems, refusedRows: dataRowIndexes.length };

  const parsed: (Omit<LegacySituation, "idempotencyKey"> | null)[] = [];
  const householdOfRow = new Map<number, string>();
  for (const i of dataRowIndexes) {
    const rowNumber = i + 1;
    const rowProblems: ImportProblem[] = [];
    const cell = (key: ColumnKey) => {
      const at = place.get(key);
      return at === undefined ? "" : (rows[i][at] ?? "").trim();
    };
    const fail = (key: ColumnKey, code: ProblemCode, params?: Record<string, string | number>, level: "error" | "warning" = "error") =>
      rowProblems.push({ level, code, row: rowNumber, column: columnName(key), ...(params ? { params } : {}) });
    const take = <V>(key: ColumnKey, r: Parsed<V>): V | null => {
      if (r.error !== undefined) {
        fail(key, r.error as ProblemCode, r.params);
        return null;
      }
      return r.value ?? null;
    };
    const text = (key: ColumnKey, max: number, code: ProblemCode = "text") => {
      const v = cell(key);
      if (v.length > max) fail(key, code, { max });
      return v || null;
    };

    const householdCode = cell("household");
    if (!householdCode) fail("household", "required");
    else if (!HOUSEHOLD_CODE.test(householdCode) || LOOKS_LIKE_NIR.test(householdCode.replace(/\s/g, ""))) fail("household", "household");
    const detectedOn = take("date", parseDate(cell("date"), ctx.today));
    if (!cell("date")) fail("date", "required");
    const service = cell("service") ? matchEntry(cell("service"), ctx.services.filter((s) => !s.archived), SERVICE_ALIASES) : null;
    if (!cell("service")) fail("service", "required");
    else if (!service) fail("service", "service", { value: cell("service") });
    const workerLabel = text("worker", 60);
    let sectorId: string | null = null;
    if (cell("sector")) {
      const area = matchEntry(cell("sector"), ctx.areas.map((a) => ({ ...a, label: a.name })));
      if (area) sectorId = area.id;
      else fail("sector", "sector", { value: cell("sector") });
    }
    const peopleConcerned = take("people", parseInteger(cell("people"), 1, LIMITS.peopleMax));
    let financial = take("nature", parseNature(cell("nature")));
    let benefitCode: string | null = null;
    if (cell("benefit")) {
      const b = matchEntry(cell("benefit"), ctx.lists.benefit, BENEFIT_ALIASES);
      if (b) benefitCode = b.code;
      else fail("benefit", "benefit", { value: cell("benefit") });
    }
    let domain: string | null = null;
    if (cell("domain")) {
      const d = matchEntry(cell("domain"), ctx.lists.domain, DOMAIN_ALIASES);
      if (d) domain = d.code;
      else fail("domain", "domain", { value: cell("domain") });
    }
    if (financial === null && benefitCode) financial = true;
    if (financial === null && domain && !benefitCode) financial = false;
    if (financial === false && benefitCode) fail("benefit", "natureConflict");
    // The report's documented miscoding: a domain filled on a financial benefit is ignored.
    if (financial === true && domain) {
      fail("domain", "domainOnFinancial", undefined, "warning");
      domain = null;
    }
    const actors: string[] = [];
    for (const v of splitMulti(cell("actors"), /[;,]/)) {
      const a = matchEntry(v, ctx.lists.actor, ACTOR_ALIASES);
      if (!a) fail("actors", "actor", { value: v });
      else if (!actors.includes(a.code)) actors.push(a.code);
    }

    const formes = new Map<FormeCode, { reason: string | null; level: string | null }>();
    for (const v of splitMulti(cell("formes"), /[;,]/)) {
      const f = matchEntry(v, FORMES, FORME_ALIASES);
      if (!f) fail("formes", "forme", { value: v });
      else formes.set(f.code as FormeCode, { reason: null, level: null });
    }
    for (const f of FORMES) {
      const code = f.code as FormeCode;
      const v = cell(`forme:${code}`);
      if (v) {
        const ticked = ["x", "oui", "1"].includes(v.toLowerCase());
        const reason = ticked ? null : matchEntry(v, ctx.lists.reason.filter((r) => r.parent === code), REASON_ALIASES);
        if (!ticked && !reason) fail(`forme:${code}`, "reason", { value: v, forme: f.label });
        formes.set(code, { reason: reason?.code ?? null, level: null });
      }
      const lv = cell(`level:${code}`);
      if (lv) {
        const level = matchEntry(lv, ctx.lists.level);
        if (!level) fail(`level:${code}`, "level", { value: lv });
        else if (!formes.has(code)) fail(`level:${code}`, "levelWithoutForme", { forme: f.label });
        else formes.get(code)!.level = level.code;
      }
    }
    if (!formes.size) rowProblems.push({ level: "error", code: "noForme", row: rowNumber, column: null });

    const intensity = take("intensity", parseIntensity(cell("intensity")));
    const caused = take("caused", parseYesNo(cell("caused")));
    const originRow = take("origin", parseInteger(cell("origin"), 2, rows.length));
    if (originRow !== null && originRow === rowNumber) fail("origin", "originSelf");
    if (originRow !== null && !rows[originRow - 1]?.some((c) => c.trim())) fail("origin", "origin", { value: originRow });
    const actions: string[] = [];
    for (const v of splitMulti(cell("actions"))) {
      const a = matchEntry(v, ctx.lists.action, ACTION_ALIASES);
      if (!a) fail("actions", "action", { value: v });
      else if (!actions.includes(a.code)) actions.push(a.code);
    }
    const time = take("time", parseTime(cell("time")));
    const missedMonthly = take("missed", parseEuros(cell("missed")));
    const missedMonths = take("months", parseInteger(cell("months"), 0, LIMITS.monthsMax));
    const optionalAidRequested = take("aidRequested", parseYesNo(cell("aidRequested")));
    if (optionalAidRequested !== null && service && !service.instructsOptionalAid) fail("aidRequested", "aidNotInstructing");
    const optionalAidGranted = take("aidGranted", parseEuros(cell("aidGranted")));
    if (optionalAidGranted !== null && optionalAidRequested !== true) fail("aidGranted", "grantedWithoutRequest");
    const summary = text("summary", LIMITS.summaryMax, "summaryTooLong");

    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.level === "error") || !service || !detectedOn) {
      parsed.push(null);
      continue;
    }
    householdOfRow.set(rowNumber, householdCode);
    parsed.push({
      row: rowNumber, householdCode, detectedOn, serviceId: service.id, workerLabel, sectorId, peopleConcerned, financial, benefitCode, domain,
      actors, formes: [...formes].map(([forme, v]) => ({ forme, ...v })), intensity, causedFlag: caused === true || originRow !== null, originRow,
      actions, timeMinutes: time?.minutes ?? null, timeClass: time?.timeClass ?? null, missedMonthly, missedMonths,
      optionalAidRequested, optionalAidGranted, summary,
    });
  }

  // The causing row must be a valid row of the same household; otherwise the row is refused.
  for (let k = 0; k < parsed.length; k++) {
    const s = parsed[k];
    if (!s || s.originRow === null) continue;
    const originHousehold = householdOfRow.get(s.originRow);
    if (originHousehold !== undefined && originHousehold !== s.householdCode) {
      problems.push({ level: "error", code: "originHousehold", row: s.row, column: columnName("origin"), params: { value: s.originRow } });
      parsed[k] = null;
    }
  }

  const situations: LegacySituation[] = [];
  const seen = new Map<string, number>();
  for (const s of parsed) {
    if (!s) continue;
    const base = rowHash(s);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    situations.push({ ...s, idempotencyKey: `import:${createHash("sha256").update(`${base}#${occurrence}`).digest("hex")}` });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { dataRows: dataRowIndexes.length, situations, problems, refusedRows: dataRowIndexes.length - situations.length };
}

/** The normalised row (codes, not spellings; without its position or origin row number). */
function rowHash(s: Omit<LegacySituation, "idempotencyKey">): string {
  const { row: _row, originRow: _origin, ...rest } = s;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}
