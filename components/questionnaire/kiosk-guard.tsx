"use client";

import { useEffect, useRef } from "react";

/**
 * On a kiosk: erase the session after `idleSeconds` without activity (by posting the end form:
 * ending a session is never a GET), and never show a page restored from the back/forward cache
 * (the server would refuse it anyway).
 */
export function KioskGuard({ idleSeconds, endUrl }: { idleSeconds: number; endUrl: string }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    let timer = window.setTimeout(end, idleSeconds * 1000);
    function end() {
      form.current?.submit();
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
  return <form ref={form} method="post" action={endUrl} hidden aria-hidden="true" />;
}
