import { allowedDowntime, durationParts } from './credits.model.ts';
import type { SlaTarget } from './plan.model.ts';

/**
 * Targets and allowances as a client reads them: "15 min", "2 h", "1 h 30 min", "next business day",
 * with the ISO 8601 duration for programs. Business-time targets stay in hours (8 h is a support
 * day's worth, not a third of a calendar day), so no days are formed.
 */
export interface TargetView {
  kind: SlaTarget['kind'];
  minutes: number | null;
  /** ISO 8601 duration, e.g. PT1H30M; null for next business day. */
  duration: string | null;
  text: string;
}

export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}

export function targetView(target: SlaTarget): TargetView {
  if (target.kind === 'next-business-day') return { kind: target.kind, minutes: null, duration: null, text: 'next business day' };
  return { kind: target.kind, minutes: target.minutes, duration: isoDuration(target.minutes), text: minutesText(target.minutes) };
}

/** "43 min 12 s", "8 h 45 min 36 s", "1 d 2 h": whole seconds, zero parts left out. */
export function secondsText(seconds: number): string {
  const p = durationParts(seconds);
  const parts = [
    [p.days, 'd'],
    [p.hours, 'h'],
    [p.minutes, 'min'],
    [Math.floor(p.seconds), 's'],
  ].filter(([n]) => (n as number) > 0);
  return parts.length === 0 ? '0 s' : parts.map(([n, unit]) => `${n} ${unit}`).join(' ');
}

/** What a guarantee allows in a 30-day month, the figure clients ask about ("99.9 % is 43 min 12 s"). */
export function allowedDowntimePer30Days(percent: number): { seconds: number; text: string } {
  const seconds = allowedDowntime(new Date(0), new Date(30 * 86_400_000), percent);
  return { seconds, text: secondsText(seconds) };
}
