/** Numbers of a dossier as a French reader expects them (the dossier is written in French). */
const euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const integer = new Intl.NumberFormat("fr-FR");

export const formatEuro = (n: number) => euro.format(n);
export const formatInt = (n: number) => integer.format(n);
export const percent = (n: number, of: number) => (of > 0 ? `${Math.round((100 * n) / of)}\u202F%` : "—");
/** "2015-03-01" → "01/03/2015". */
export const formatDay = (iso: string) => iso.split("-").reverse().join("/");
