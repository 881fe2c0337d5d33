/**
 * npm run detection:fixture
 * Writes fixtures/detection/grenoble-2015-synthetique.xlsx: the synthetic Grenoble 2015 sheet
 * (lib/detection/fixture/grenoble-2015.ts) in the import template's format, its "Listes" from the
 * default lists. Deterministic: the same rows at every run.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CATALOGUE } from "@/lib/callbacks/review";
import { buildGrenoble2015 } from "@/lib/detection/fixture/grenoble-2015";
import { GRENOBLE_FIXTURE } from "@/lib/detection/demo-seed";
import { buildTemplate } from "@/lib/detection/legacy-import/template";
import { mergeLists } from "@/lib/detection/options";
import { DEFAULT_SERVICES } from "@/lib/detection/reference";

async function main() {
  const geo = JSON.parse(readFileSync(path.join(process.cwd(), "fixtures/territories/grenoble/grenoble_secteurs_insee_2023.geojson"), "utf8")) as {
    features: { properties: { code_grand_quartier: string; nom: string } }[];
  };
  const areas = geo.features.map((f) => ({ code: f.properties.code_grand_quartier, name: f.properties.nom }));
  const lists = mergeLists([], DEFAULT_CATALOGUE.map((c) => ({ code: c.code, labelFr: c.name, archived: false })));
  const services = DEFAULT_SERVICES.map((s) => ({ id: s.code, code: s.code, label: s.label, instructsOptionalAid: s.instructsOptionalAid, archived: false }));
  const { rows } = buildGrenoble2015();
  const bytes = await buildTemplate({ lists, services, areas }, rows);
  mkdirSync(path.dirname(GRENOBLE_FIXTURE), { recursive: true });
  writeFileSync(GRENOBLE_FIXTURE, bytes);
  console.log(`${path.relative(process.cwd(), GRENOBLE_FIXTURE)} : ${rows.length} situations.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
