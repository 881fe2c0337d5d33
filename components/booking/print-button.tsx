"use client";

import { useEffect, useState } from "react";

/**
 * "Imprimer ce récapitulatif": a button once JavaScript runs; without it, a hint to use the
 * browser's own print command (the page has print styles either way).
 */
export function PrintButton({ label, hint }: { label: string; hint: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <p className="hint no-print">{hint}</p>;
  return <button type="button" className="button secondary no-print" onClick={() => window.print()}>{label}</button>;
}
