import Link from "next/link";
import type { Locale } from "@/lib/i18n/locale";
import { formatIsoDay, formatTime } from "@/lib/booking/format";
import { parisDay, parisDays, addParisDays } from "@/lib/booking/slots";

export type WeekSlot = { start: Date; href: string };

/**
 * A 7-day view of free slots: one list per day, each slot a link (works without JavaScript).
 * Days without a slot say so, so a screen-reader user hears the whole week.
 */
export function SlotWeek({ fromDay, slots, locale, labels }: {
  fromDay: string; slots: WeekSlot[]; locale: Locale; labels: { none: string; slotAt: (time: string, day: string) => string };
}) {
  const byDay = new Map<string, WeekSlot[]>();
  for (const s of slots) {
    const day = parisDay(s.start);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  return (
    <div className="week">
      {parisDays(fromDay, addParisDays(fromDay, 7)).map((day) => {
        const list = byDay.get(day) ?? [];
        const dayLabel = formatIsoDay(day, locale);
        return (
          <section key={day} className="week-day" aria-labelledby={`d-${day}`}>
            <h3 id={`d-${day}`}>{dayLabel}</h3>
            {list.length ? (
              <ul className="slots">
                {list.map((s) => (
                  <li key={s.href}>
                    <Link className="slot" href={s.href} aria-label={labels.slotAt(formatTime(s.start, locale), dayLabel)}>{formatTime(s.start, locale)}</Link>
                  </li>
                ))}
              </ul>
            ) : <p className="muted">{labels.none}</p>}
          </section>
        );
      })}
    </div>
  );
}
