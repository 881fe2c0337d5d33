"use client";

import { useEffect, useRef, useState } from "react";
import { KIOSK_WARNING_SECONDS } from "@/lib/kiosk/warning";

export type KioskWarningStrings = { title: string; body: string; keep: string };

/**
 * On a kiosk: after `idleSeconds` without activity, warn the person (a dialog with "Je continue",
 * focus on it) and erase the session `KIOSK_WARNING_SECONDS` later unless they continue (by
 * posting the end form: ending a session is never a GET). Never show a page restored from the
 * back/forward cache (the server would refuse it anyway).
 */
export function KioskGuard({ idleSeconds, endUrl, warning }: { idleSeconds: number; endUrl: string; warning?: KioskWarningStrings }) {
  const form = useRef<HTMLFormElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const restore = useRef<Element | null>(null);
  const [warned, setWarned] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (warned) return;
    let timer = window.setTimeout(warn, idleSeconds * 1000);
    function warn() {
      if (!warning) return end();
      restore.current = document.activeElement;
      setWarned(true);
    }
    function reset() {
      window.clearTimeout(timer);
      timer = window.setTimeout(warn, idleSeconds * 1000);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idleSeconds, endUrl, warned, generation]);

  // While the warning shows, only "Je continue" keeps the session: the wipe comes after the countdown.
  useEffect(() => {
    if (!warned) return;
    keep.current?.focus();
    const timer = window.setTimeout(end, KIOSK_WARNING_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [warned]);

  function end() {
    form.current?.submit();
  }
  function carryOn() {
    setWarned(false);
    setGeneration((g) => g + 1);
    const back = restore.current;
    if (back instanceof HTMLElement && back !== document.body) back.focus();
    else document.getElementById("contenu")?.focus();
  }

  return (
    <>
      <form ref={form} method="post" action={endUrl} hidden aria-hidden="true" />
      {warned && warning && (
        <div className="kiosk-warning-backdrop">
          <div className="kiosk-warning" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-body">
            <h2 id="kiosk-warning-title">{warning.title}</h2>
            <p id="kiosk-warning-body">{warning.body}</p>
            <button ref={keep} className="button" type="button" onClick={carryOn}>{warning.keep}</button>
          </div>
        </div>
      )}
    </>
  );
}
