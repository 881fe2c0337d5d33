import ExcelJS from "exceljs";
import { translatorFor } from "@/lib/i18n/translator";
import { active, type DetectionLists } from "../options";
import { FORMES, INTENSITIES } from "../reference";
import type { DetectionService } from "../services";
import { TEMPLATE_COLUMNS, type ColumnKey } from "./columns";
import { TIME_CLASSES } from "./values";

export type TemplateCell = string | number | null;

/** The help key of a column in messages detectionImport.help ("forme:abandon" → "forme"). */
const helpKey = (key: ColumnKey) => key.split(":")[0] as "household";

/**
 * The downloadable template: "Situations" (the headers, then `rows` when given — the synthetic
 * fixture uses it), "Listes" (the values the territory accepts, from its own lists) and
 * "Lisez-moi" (each column explained). Always in French: its headers are a stable contract.
 */
export async function buildTemplate(
  input: { lists: DetectionLists; services: DetectionService[]; areas: { code: string; name: string }[] },
  rows: TemplateCell[][] = [],
): Promise<Uint8Array> {
  const t = translatorFor("fr");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Baromètre du non-recours";
  const situations = wb.addWorksheet("Situations", { views: [{ state: "frozen", ySplit: 1 }] });
  situations.addRow(TEMPLATE_COLUMNS.map((c) => c.header));
  for (const r of rows) situations.addRow(r);
  situations.getRow(1).font = { bold: true };
  situations.columns.forEach((col) => { col.width = 22; });

  const lists: [string, string[]][] = [
    ["Service détecteur", input.services.filter((s) => !s.archived).map((s) => s.label)],
    ["Territoire d'intervention", input.areas.map((a) => a.name)],
    ["Nature de la prestation", ["financière", "non financière"]],
    ["Prestation", active(input.lists.benefit).map((e) => e.label)],
    ["Domaine d'intervention publique", active(input.lists.domain).map((e) => e.label)],
    ["Acteurs publics concernés", active(input.lists.actor).map((e) => e.label)],
    ...FORMES.map((f): [string, string[]] => [`${f.label} (raisons)`, active(input.lists.reason).filter((r) => r.parent === f.code).map((r) => r.label)]),
    ["Niveau d'explication", active(input.lists.level).map((e) => e.label)],
    ["Non-recours complet ou partiel", INTENSITIES.map((i) => i.label.toLowerCase())],
    ["Oui / non", ["oui", "non"]],
    ["Actions engagées", active(input.lists.action).map((e) => e.label)],
    ["Temps passé (classes)", TIME_CLASSES.map((c) => c.label)],
  ];
  const listSheet = wb.addWorksheet("Listes");
  listSheet.addRow(lists.map(([name]) => name));
  const longest = Math.max(...lists.map(([, v]) => v.length));
  for (let i = 0; i < longest; i++) listSheet.addRow(lists.map(([, v]) => v[i] ?? null));
  listSheet.getRow(1).font = { bold: true };
  listSheet.columns.forEach((col) => { col.width = 30; });

  const readme = wb.addWorksheet("Lisez-moi");
  readme.addRow([t("detectionImport.help.title")]);
  readme.addRow([t("detectionImport.help.intro")]);
  readme.addRow([]);
  readme.addRow([t("detectionImport.help.column"), t("detectionImport.help.meaning")]).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) {
    const forme = FORMES.find((f) => c.key.endsWith(`:${f.code}`))?.label ?? "";
    readme.addRow([c.header, t(`detectionImport.help.${helpKey(c.key)}`, { forme })]);
  }
  readme.getColumn(1).width = 40;
  readme.getColumn(2).width = 110;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
