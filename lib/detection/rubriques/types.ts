import type { Audience } from "./publish";
import type { ChiSquare } from "./stats";

/** One row of a rubrique's table: a count, its share of the table's (or its own) denominator. */
export type Figure = {
  key: string; label: string;
  n: number | null; share: number | null; suppressed: boolean;
  /** A row with its own denominator (e.g. situations that induce others among a benefit group's). */
  den?: number | null;
  /** Extra columns (mean, min, max, sum…), named by the table's `columns`. */
  values?: Record<string, number | null>;
};
export type FigureTable = {
  id: string;
  /** The table's kind (its title's message key) and, for a kind repeated per forme or service, its subject. */
  kind: string; subject?: string;
  /** The denominator of the shares (blank answers excluded), and the blank answers counted apart. */
  den: number | null; missing: number | null;
  rows: Figure[];
  columns?: string[];
};
export type Stat = { id: string; value: number | null; den?: number | null; missing?: number | null; unit: "count" | "share" | "mean" | "euros" | "minutes" };
export type Block = { id: BlockId; stats: Stat[]; tables: FigureTable[] };
export type BlockId = "volume" | "formes" | "benefits" | "cumulation" | "impact" | "intensity" | "actions" | "cost" | "resolution" | "map";
export type CrossTable = {
  rows: { key: string; label: string }[]; cols: { key: string; label: string }[];
  /** Published counts, null when hidden. */
  cells: (number | null)[][];
  test: (Omit<ChiSquare, "cells"> & { cells: { row: string; col: string; flag: "over" | "under" | null; residual: number }[] }) | null;
};
export type HouseholdTable = { rows: { rank: number; code: string; situations: number; services: string; cumulative: number; complete: number }[]; total: number };

export type Rubriques = {
  territory: string;
  audience: Audience;
  threshold: number;
  filters: Record<string, string>;
  blocks: Block[];
  financialByService: CrossTable;
  /** Staff only: households with two situations or more (pseudonymous code). */
  households: HouseholdTable | null;
};

/** The labels of every code the rubriques show (territory lists, services, areas, workers). */
export type RubriquesLabels = {
  services: { code: string; label: string }[];
  workers: Record<string, string>;
  areas: Record<string, string>;
  formes: { code: string; label: string }[];
  reasons: { code: string; label: string; parent?: string }[];
  benefits: { code: string; label: string; parent?: string }[];
  groups: { code: string; label: string }[];
  domains: { code: string; label: string }[];
  actors: { code: string; label: string }[];
  actions: { code: string; label: string }[];
  /** Small fixed vocabularies (financial, intensity, status, resolution, time classes, unknown…). */
  words: Record<string, string>;
};
