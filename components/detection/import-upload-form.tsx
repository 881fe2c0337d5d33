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

/**
 * The confirmation form. Without JavaScript a plain post; with it, the same post read as a stream
 * of progress lines (rows written / rows to write), then the browser goes to the results.
 */
export function ImportConfirmForm({ action, children, progressLabel }: { action: string; children: ReactNode; progressLabel: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const el = form.current;
    if (!el || !window.ReadableStream) return;
    event.preventDefault();
    if (progress) return; // already running: a second click adds nothing anyway
    setProgress({ done: 0, total: 0 });
    try {
      const res = await fetch(action, {
        method: "POST", body: new URLSearchParams(new FormData(el) as unknown as Record<string, string>), headers: { "X-Progress": "ndjson" },
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const l of lines.filter(Boolean)) {
          const msg = JSON.parse(l) as { done?: number; total?: number; location?: string };
          if (msg.location) return window.location.assign(msg.location);
          if (msg.total !== undefined) setProgress({ done: msg.done ?? 0, total: msg.total });
        }
      }
      el.submit();
    } catch {
      el.submit(); // fall back to the plain form: the import is keyed, nothing is added twice
    }
  }

  return (
    <form ref={form} method="post" action={action} onSubmit={onSubmit} aria-busy={progress !== null}>
      {children}
      {progress && (
        <p role="status">
          <label htmlFor="import-run-progress">{progressLabel}</label>{" "}
          {progress.total > 0
            ? <><progress id="import-run-progress" max={progress.total} value={progress.done} /> {progress.done} / {progress.total}</>
            : <progress id="import-run-progress" />}
        </p>
      )}
    </form>
  );
}
