import type { Field } from "@/components/booking/settings/types";

type Site = { code: string; name: string; kind: string; address: string | null; phone: string | null; lon: number | null; lat: number | null };

/** The fields of the site form (create and edit), translated by the page. */
export function siteFields(t: (key: string) => string, site?: Site): Field[] {
  const f = (k: string) => t(`sitesAdmin.fields.${k}`);
  return [
    { kind: "text", name: "code", label: f("code"), hint: f("codeHint"), defaultValue: site?.code ?? "", maxLength: 40, autoComplete: "off" },
    { kind: "text", name: "name", label: f("name"), defaultValue: site?.name ?? "", maxLength: 120 },
    { kind: "text", name: "kind", label: f("kind"), defaultValue: site?.kind ?? "", maxLength: 60 },
    { kind: "text", name: "address", label: f("address"), optional: true, defaultValue: site?.address ?? "", maxLength: 200 },
    { kind: "tel", name: "phone", label: f("phone"), optional: true, defaultValue: site?.phone ?? "", maxLength: 30 },
    { kind: "decimal", name: "lon", label: f("lon"), hint: f("coordHint"), optional: true, defaultValue: site?.lon?.toString() ?? "", maxLength: 20 },
    { kind: "decimal", name: "lat", label: f("lat"), optional: true, defaultValue: site?.lat?.toString() ?? "", maxLength: 20 },
  ];
}

export const SITE_FIELDS = ["code", "name", "kind", "address", "phone", "lon", "lat"];
