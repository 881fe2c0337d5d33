import { KioskGuard } from "./kiosk-guard";

/**
 * Kiosk wipe: with JavaScript, an inactivity timer; without it, a refresh to the end URL
 * after the same delay (counted from the page load, the best a plain page can do).
 */
export function KioskChrome({ slug, idleSeconds, endLabel }: { slug: string; idleSeconds: number; endLabel?: string }) {
  const endUrl = `/t/${slug}/fin`;
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content={`${idleSeconds};url=${endUrl}`} />
      </noscript>
      <KioskGuard idleSeconds={idleSeconds} endUrl={endUrl} />
      {endLabel && (
        <form method="post" action={endUrl} className="actions">
          <button className="button link" type="submit">{endLabel}</button>
        </form>
      )}
    </>
  );
}
