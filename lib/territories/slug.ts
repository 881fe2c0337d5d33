/**
 * A territory's slug, the path of its public pages (/t/<slug>): lowercase letters, digits and
 * single hyphens, 2 to 40 characters, starting with a letter, not a reserved word. Pure.
 */
export const RESERVED_SLUGS = new Set([
  "admin", "api", "staff", "connexion", "t", "new", "nouveau", "static", "public", "assets", "aide", "accessibilite",
  "mentions-legales", "donnees-personnelles", "plan-du-site", "borne", "kiosque", "health", "www",
]);

export type SlugProblem = "format" | "reserved";

export function slugProblem(slug: string): SlugProblem | null {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(slug) || slug.length < 2 || slug.length > 40) return "format";
  if (RESERVED_SLUGS.has(slug)) return "reserved";
  return null;
}

/** A slug suggested from a name: "Saint-Étienne Métropole" → "saint-etienne-metropole". */
export function suggestSlug(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}
