/**
 * How the demo territories are read from the open data folder (../shared/data/geo by default).
 * Levels are listed coarsest first; a level's parent is found by a property or, failing that,
 * by the parent area that contains the area's centroid.
 */
export type LevelSource = {
  key: string;
  name: string;
  file: string;
  code: string;
  label: string;
  /** Property holding the parent's code (before `parentCodePrefix` is added). */
  parentCode?: string;
  parentCodePrefix?: string;
};
export type SiteSource = { file: string; kind: string; code: string; label: string; address?: string; phone?: string };
export type TerritorySource = {
  slug: string;
  name: string;
  levels: LevelSource[];
  sites: SiteSource[];
};

export const DEMO_TERRITORIES: TerritorySource[] = [
  {
    slug: "montpellier",
    name: "Montpellier",
    levels: [
      { key: "quartier", name: "Quartier", file: "montpellier_quartiers.geojson", code: "id", label: "nom" },
      {
        key: "sous_quartier", name: "Sous-quartier", file: "montpellier_sous_quartiers.geojson",
        code: "id", label: "nom", parentCode: "code_quartier", parentCodePrefix: "34172-Q",
      },
      { key: "iris", name: "IRIS", file: "montpellier_iris_2020_generalise.geojson", code: "code_iris", label: "nom_iris" },
    ],
    sites: [
      { file: "montpellier_maisons_pour_tous.geojson", kind: "maison_pour_tous", code: "id", label: "nom", address: "adresse", phone: "telephone" },
      { file: "montpellier_ccas.geojson", kind: "ccas", code: "id", label: "nom", address: "adresse" },
    ],
  },
  {
    slug: "grenoble",
    name: "Grenoble",
    levels: [
      { key: "secteur", name: "Secteur", file: "grenoble_secteurs_insee_2023.geojson", code: "code_grand_quartier", label: "nom" },
      {
        key: "iris", name: "IRIS", file: "grenoble_iris_2023.geojson",
        code: "code_iris", label: "nom_iris", parentCode: "grand_quartier_insee",
      },
    ],
    sites: [],
  },
];
