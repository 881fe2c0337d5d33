"use client";

import { useRef, useState, type FormEvent, type ReactNode } from "react";

/**
 * The upload form of the legacy import. Without JavaScript it is a plain multipart form; with it,
 * the same request goes through XMLHttpRequest so that a progress bar follows the upload, then
 * the browser goes where the server redirected (the dry run).
 */
export function ImportUploadForm({ action, children, progressLabel }: { action: string; children: ReactNode; progressLabel: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [percent, setPercent] = useState<number | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const el = form.current;
    if (!el || typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open("POST", action);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPercent(Math.round((100 * e.loaded) / e.total));
    };
    xhr.onload = () => window.location.assign(xhr.responseURL || action);
    xhr.onerror = () => el.submit(); // fall back to the plain form
    setPercent(0);
    xhr.send(new FormData(el));
  }

  return (
    <form ref={form} method="post" action={action} encType="multipart/form-data" className="card" onSubmit={onSubmit}>
      {children}
      {percent !== null && (
        <p role="status">
          <label htmlFor="import-upload-progress">{progressLabel}</label>{" "}
          <progress id="import-upload-progress" max={100} value={percent}>{percent} %</progress> {percent} %
        </p>
      )}
    </form>
  );
}

/** The confirmation form: an indeterminate progress bar while the server imports. */
export function ImportConfirmForm({ action, children, progressLabel }: { action: string; children: ReactNode; progressLabel: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <form method="post" action={action} onSubmit={() => setBusy(true)} aria-busy={busy}>
      {children}
      {busy && (
        <p role="status">
          <label htmlFor="import-run-progress">{progressLabel}</label> <progress id="import-run-progress" />
        </p>
      )}
    </form>
  );
}
