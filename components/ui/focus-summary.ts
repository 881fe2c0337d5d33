/** Brings a form's error summary into view and gives it focus (it has tabIndex -1). */
export function focusSummary(el: HTMLElement | null) {
  if (!el) return;
  el.scrollIntoView({ block: "start" });
  el.focus({ preventScroll: true });
}
