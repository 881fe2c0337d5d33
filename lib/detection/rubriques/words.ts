import type { Locale } from "@/lib/i18n/locale";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/** The fixed words of the rubriques (row labels), in the reader's language. */
export const rubriquesWords = (locale: Locale): Record<string, string> => (locale === "fr" ? fr : en).detectionAnalysis.words;
