import type { Locale } from "@/lib/i18n/locale";

/** A plain form: switching language works with JavaScript off. */
export function LanguageSwitch({ locale, label, names }: { locale: Locale; label: string; names: Record<Locale, string> }) {
  return (
    <form className="lang" method="post" action="/langue" aria-label={label}>
      {(Object.keys(names) as Locale[]).map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} aria-pressed={l === locale}>
          {names[l]}
        </button>
      ))}
    </form>
  );
}
