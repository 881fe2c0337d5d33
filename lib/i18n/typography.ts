/** No-break space (U+00A0): French puts one before ? : ; ! and inside « ». */
export const NBSP = "\u00a0";

/**
 * French typography: the ordinary space before ? : ; ! » and after « becomes a no-break
 * space, so that a line never starts with a lone "?" on a phone. Other spaces are kept.
 */
export function frenchSpaces(text: string): string {
  return text.replace(/ ([?:;!»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** True when the text still has an ordinary space where French wants a no-break one. */
export function hasBreakingFrenchSpace(text: string): boolean {
  return / [?:;!»]|« /.test(text);
}
