/** Seconds between the idle warning of a kiosk and its wipe: WCAG 2.2.1 asks for at least 20 to react. */
export const KIOSK_WARNING_SECONDS = 20;
