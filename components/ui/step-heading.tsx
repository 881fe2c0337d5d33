"use client";

import { useEffect, useRef } from "react";

/** False until the first page of this browser tab has mounted a step heading. */
let firstPageShown = false;

/**
 * The heading of a step reached by a client-side navigation (Next's <Link>): it takes the focus,
 * so that a screen reader reads the new step and the keyboard starts from it (the page title,
 * which changes per step, is read by Next's route announcer too). On a full page load nothing
 * moves: the browser announces the new page itself. Give it a `key` per step so that it mounts again.
 */
export function StepHeading({ children, id }: { children: React.ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    ref.current?.focus();
  }, []);
  return <h2 ref={ref} id={id} tabIndex={-1} className="step-heading">{children}</h2>;
}
