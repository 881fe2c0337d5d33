import type { DashboardView } from "@/lib/dashboard/view";

export type { DashboardView };
export type AreaRow = DashboardView["rows"][number];
export type Geo = { type: "FeatureCollection"; features: { type: "Feature"; properties: Record<string, string>; geometry: object }[] };
export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };
export type Messages = Record<string, string>;
