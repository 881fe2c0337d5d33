import type { PolygonGeometry } from "@/lib/geo/geometry";

/** How one level's file is read: which feature property holds the code, the name, the parent's code. */
export type LevelMapping = {
  key: string;
  name: string;
  codeProperty: string;
  nameProperty: string;
  /** Property holding the parent's code; without it the parent is the area that contains this one. */
  parentProperty?: string;
  /** Added before the parent property's value (e.g. "34172-Q" + "3"). */
  parentCodePrefix?: string;
};

/** One uploaded level: its mapping, the file's name (for messages) and its text. */
export type LevelFile = LevelMapping & { file: string; text: string };

export type ImportLimits = {
  /** Most bytes of one file. */
  maxFileBytes: number;
  /** Most vertices of one file (counted cheaply before any geometry check). */
  maxVertices: number;
  /** Most segment comparisons spent on self-intersection checks for one file. */
  maxIntersectionWork: number;
};

export const DEFAULT_LIMITS: ImportLimits = { maxFileBytes: 15_000_000, maxVertices: 150_000, maxIntersectionWork: 20_000_000 };

export type IssueCode =
  | "file_too_large" | "invalid_json" | "not_feature_collection" | "no_features" | "too_many_vertices"
  | "lambert93" | "not_wgs84" | "geometry_type" | "invalid_coordinates" | "ring_too_short" | "unclosed_ring"
  | "self_intersection" | "empty_code" | "empty_name" | "duplicate_code" | "missing_property"
  | "no_parent" | "unknown_parent" | "no_levels" | "duplicate_level";

/** A refusal, precise enough to find the fault: file, feature index (1-based for people), area code. */
export type Issue = {
  code: IssueCode;
  file: string;
  /** 0-based feature index in the file's `features`. */
  index?: number;
  areaCode?: string;
  params?: Record<string, string | number>;
};

export type ParsedFeature = { index: number; properties: Record<string, unknown>; geometry: unknown };
export type ParsedFile = { file: string; features: ParsedFeature[]; vertices: number; properties: string[] };

export type AreaPlan = { code: string; name: string; parentCode: string | null; geometry: PolygonGeometry };
export type LevelPlan = { key: string; name: string; file: string; areas: AreaPlan[] };
export type ImportPlan = { levels: LevelPlan[] };
