import { useEffect, useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { SlaClock } from '../api.ts';

/** The current instant, moving on every second while the component is shown. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export type ClockState = 'met' | 'met-late' | 'paused' | 'breached' | 'warning' | 'running';

/**
 * Where a clock stands at `now`: the server's figures, moved on by the wall clock so a target
 * crossed since the last fetch shows at once (the next fetch brings the server's own word).
 */
export function clockState(clock: SlaClock, now: number): ClockState {
  if (clock.met) return clock.breached ? 'met-late' : 'met';
  if (clock.breached || (clock.dueAt !== null && Date.parse(clock.dueAt) <= now)) return 'breached';
  if (clock.paused) return 'paused';
  if (clock.percentUsed >= 75 || (clock.warningAt !== null && Date.parse(clock.warningAt) <= now)) return 'warning';
  return 'running';
}

/** A span of time as a timer reads it: "02:03:04", or "3 d 02:03:04" past a day. */
export function useTimer(): (ms: number) => string {
  const { t } = useI18n();
  return (ms) => {
    const total = Math.floor(Math.abs(ms) / 1000);
    const days = Math.floor(total / 86_400);
    const pad = (n: number) => String(n).padStart(2, '0');
    const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
    return days > 0 ? `${t('desk.days', { count: days })} ${clock}` : clock;
  };
}

/** Date and time in the viewer's own time zone (their profile's), with the zone named. */
export function useInstant(): (iso: string) => string {
  const { locale } = useI18n();
  const { user } = useSession();
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the separate fields.
  const fields: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { ...fields, timeZone: user?.timeZone });
  } catch {
    format = new Intl.DateTimeFormat(locale, fields);
  }
  return (iso) => format.format(new Date(iso));
}

/** The words of a clock: "01:59:30 left", "paused", "00:03:10 overdue", "met". */
export function ClockText({ clock, now }: { clock: SlaClock; now: number }) {
  const { t } = useI18n();
  const timer = useTimer();
  const state = clockState(clock, now);
  const label = (() => {
    switch (state) {
      case 'met': return t('desk.clock.met');
      case 'met-late': return t('desk.clock.metLate');
      case 'paused': return t('desk.clock.paused');
      case 'breached': return clock.dueAt ? t('desk.clock.overdue', { time: timer(now - Date.parse(clock.dueAt)) }) : t('desk.clock.breached');
      default: return clock.dueAt ? t('desk.clock.left', { time: timer(Date.parse(clock.dueAt) - now) }) : t('common.none');
    }
  })();
  return <span className={`desk-clock desk-clock-${state}`} data-state={state}>{label}</span>;
}

/** A compact clock for a list row: the countdown, with a ticking second hand. */
export function ClockCell({ clock }: { clock: SlaClock | null }) {
  const { t } = useI18n();
  const now = useNow();
  if (!clock) return <span className="muted">{t('desk.clock.noTarget')}</span>;
  return <ClockText clock={clock} now={now} />;
}

/** A clock in full, for the ticket page: due time, countdown, share of the target used, marks. */
export function ClockPanel({ name, clock, noTarget }: { name: string; clock: SlaClock | null; noTarget: string }) {
  const { t } = useI18n();
  const at = useInstant();
  const now = useNow();
  if (!clock) {
    return (
      <div className="desk-clock-panel" aria-label={name} role="group">
        <h3>{name}</h3>
        <p className="muted">{noTarget}</p>
      </div>
    );
  }
  const state = clockState(clock, now);
  const used = Math.max(0, Math.min(100, clock.percentUsed));
  return (
    <div className={`desk-clock-panel desk-panel-${state}`} aria-label={name} role="group">
      <h3>{name}</h3>
      <p className="desk-clock-big"><ClockText clock={clock} now={now} /></p>
      <div className="desk-bar" role="meter" aria-label={t('desk.clock.used')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(used)}>
        <span style={{ width: `${used}%` }} />
      </div>
      <p className="muted desk-clock-facts">
        {t('desk.clock.percent', { percent: Math.round(clock.percentUsed) })}
        {clock.dueAt && <> · {t('desk.clock.dueAt', { at: at(clock.dueAt) })}</>}
        {!clock.dueAt && clock.paused && <> · {t('desk.clock.pausedHint')}</>}
      </p>
      {clock.warningAt && !clock.met && <p className="desk-mark desk-mark-warning">{t('desk.clock.warningAt', { at: at(clock.warningAt) })}</p>}
      {clock.metAt && <p className="desk-mark desk-mark-met">{t('desk.clock.metAt', { at: at(clock.metAt) })}</p>}
      {clock.breachedAt && <p className="desk-mark desk-mark-breached">{t('desk.clock.breachedAt', { at: at(clock.breachedAt) })}</p>}
    </div>
  );
}
