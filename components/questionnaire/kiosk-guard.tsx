"use client";

import { useEffect } from "react";

/**
 * On a kiosk: erase the session after `idleSeconds` without activity, and never show a page
 * restored from the back/forward cache (the server would refuse it anyway).
 */
export function KioskGuard({ idleSeconds, endUrl }: { idleSeconds: number; endUrl: string }) {
  useEffect(() => {
    let timer = window.setTimeout(end, idleSeconds * 1000);
    function end() {
      window.location.replace(endUrl);
    }
    function reset() {
      window.clearTimeout(timer);
      timer = window.setTimeout(end, idleSeconds * 1000);
    }
    function onShow(e: PageTransitionEvent) {
      if (e.persisted) window.location.reload();
    }
    const events = ["pointerdown", "keydown", "input", "scroll", "touchstart"] as const;
    events.forEach((ev) => window.addEventListener(ev, reset, { passive: true }));
    window.addEventListener("pageshow", onShow);
    return () => {
      window.clearTimeout(timer);
      events.forEach((ev) => window.removeEventListener(ev, reset));
      window.removeEventListener("pageshow", onShow);
    };
  }, [idleSeconds, endUrl]);
  return null;
}
