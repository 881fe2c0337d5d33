import { getT } from "@/lib/i18n/server";
import { KIOSK_WARNING_SECONDS } from "@/lib/kiosk/warning";
import { KioskGuard } from "./kiosk-guard";

/**
 * Kiosk wipe: with JavaScript, an inactivity timer, then a warning with "Je continue" and the
 * wipe 20 s later; without it, a refresh to the end URL after the same delay (counted from the
 * page load, the best a plain page can do; the page says so).
 */
export async function KioskChrome({ slug, idleSeconds, endLabel }: { slug: string; idleSeconds: number; endLabel?: string }) {
  const { t } = await getT();
  const endUrl = `/t/${slug}/fin`;
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content={`${idleSeconds};url=${endUrl}`} />
        <p className="notice">{t("kiosk.noScriptWipe", { seconds: idleSeconds })}</p>
      </noscript>
      <KioskGuard idleSeconds={idleSeconds} endUrl={endUrl}
        warning={{ title: t("kiosk.warningTitle"), body: t("kiosk.warningBody", { seconds: KIOSK_WARNING_SECONDS }), keep: t("kiosk.keep") }} />
      {endLabel && (
        <form method="post" action={endUrl} className="actions">
          <button className="button link" type="submit">{endLabel}</button>
        </form>
      )}
    </>
  );
}
