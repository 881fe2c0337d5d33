"use client";

export function PrintButton({ label }: { label: string }) {
  return <button type="button" className="button no-print" style={{ width: "auto" }} onClick={() => window.print()}>{label}</button>;
}
