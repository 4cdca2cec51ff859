import { z } from 'zod';
import { businessCalendarSchema, clockMinutes, weeklyCalendar, WEEKDAYS, type BusinessCalendar } from './calendar.model.ts';

/**
 * SLA plans: what a client was promised. Per severity a first-response and a resolution target,
 * measured in business time (the plan's support hours) or around the clock; the support hours and
 * channels shown to the client; an uptime guarantee per calendar month with service-credit tiers.
 * The agency ships DEFAULT_SLA_PLAN and edits it per client. Pure data and validation.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A target: minutes of counting time, or "by the close of the next business day" (see nextBusinessDayDue). */
export type SlaTarget = { kind: 'minutes'; minutes: number } | { kind: 'next-business-day' };

/** How a ticket without a resolution deadline is handled, as told to the client. */
export type NoResolutionTarget = 'work-queue' | 'best-effort';

export interface SeverityTerms {
  firstResponse: SlaTarget;
  /** Null: no resolution deadline; `noResolutionTarget` then says how the ticket is handled. */
  resolution: SlaTarget | null;
  noResolutionTarget: NoResolutionTarget | null;
  /** Business: only the plan's support hours count. Around the clock: every minute counts. */
  measure: 'business' | 'around-the-clock';
}

/** Below `belowPercent` uptime in the period, `creditPercent` of the monthly fee is credited. */
export interface CreditTier {
  belowPercent: number;
  creditPercent: number;
}

export interface UptimeGuarantee {
  /** e.g. 99.9: promised uptime per period, maintenance excluded. */
  percent: number;
  period: 'calendar-month';
  /** Highest threshold first; the lowest threshold the uptime is below wins. */
  creditTiers: CreditTier[];
}

export const SUPPORT_CHANNELS = ['tickets', 'email', 'phone'] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];

export interface SlaPlan {
  name: string;
  /** Shown to the client as written: what the plan covers and what it does not. */
  scope: { included: string; excluded: string };
  severities: Record<Severity, SeverityTerms>;
  supportHours: BusinessCalendar;
  channels: SupportChannel[];
  uptimeGuarantee: UptimeGuarantee | null;
}

const minutes = (n: number): SlaTarget => ({ kind: 'minutes', minutes: n });

/**
 * The shipped plan. Support hours are read in UTC until the agency sets its own time zone
 * (and, if it likes, its country's public holidays) when it first edits the plan.
 */
export const DEFAULT_SLA_PLAN: SlaPlan = Object.freeze({
  name: 'Standard',
  scope: { included: '', excluded: '' },
  severities: {
    critical: { firstResponse: minutes(15), resolution: minutes(120), noResolutionTarget: null, measure: 'around-the-clock' },
    high: { firstResponse: minutes(60), resolution: minutes(480), noResolutionTarget: null, measure: 'business' },
    medium: { firstResponse: minutes(240), resolution: null, noResolutionTarget: 'work-queue', measure: 'business' },
    low: { firstResponse: { kind: 'next-business-day' }, resolution: null, noResolutionTarget: 'best-effort', measure: 'business' },
  },
  supportHours: weeklyCalendar('UTC', ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '09:00', end: '18:00' }]),
  channels: ['tickets', 'email', 'phone'],
  uptimeGuarantee: {
    percent: 99.9,
    period: 'calendar-month',
    creditTiers: [
      { belowPercent: 99.9, creditPercent: 10 },
      { belowPercent: 99.0, creditPercent: 25 },
      { belowPercent: 95.0, creditPercent: 100 },
    ],
  },
}) as SlaPlan;

// Validation, for the API.

/** A year of minutes: longer than any sensible target, short enough to catch a unit mix-up. */
export const MAX_TARGET_MINUTES = 525_600;

/** Percentages carry at most 4 decimals (99.9999 % is "six nines" short of one): enough, and exact to compare. */
const fourDecimals = (n: number) => Math.abs(n * 1e4 - Math.round(n * 1e4)) < 1e-6;

const percent = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .gt(0, `${what} must be more than 0 %`)
    .max(100, `${what} can be at most 100 %`)
    .refine(fourDecimals, `${what} can have at most 4 decimals`);

const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('minutes'),
    minutes: z
      .number({ error: 'must be a number of minutes' })
      .int('must be a whole number of minutes')
      .gt(0, 'must be more than 0 minutes')
      .max(MAX_TARGET_MINUTES, `can be at most ${MAX_TARGET_MINUTES} minutes (a year)`),
  }),
  z.strictObject({ kind: z.literal('next-business-day') }),
]);

const termsSchema = z.strictObject({
  firstResponse: targetSchema,
  resolution: targetSchema.nullable(),
  noResolutionTarget: z.enum(['work-queue', 'best-effort']).nullable(),
  measure: z.enum(['business', 'around-the-clock']),
});

const tierSchema = z.strictObject({ belowPercent: percent('the threshold'), creditPercent: percent('the credit') });

const guaranteeSchema = z.strictObject({
  percent: percent('the guarantee'),
  period: z.literal('calendar-month'),
  creditTiers: z.array(tierSchema).max(10, 'can have at most 10 tiers'),
});

/** Working minutes of each weekday that has any, by the wall clock. */
function supportDayMinutes(calendar: BusinessCalendar): number[] {
  return WEEKDAYS.map((day) => calendar.week[day].reduce((sum, w) => sum + clockMinutes(w.end) - clockMinutes(w.start), 0)).filter((m) => m > 0);
}

type Issue = { path: (string | number)[]; message: string };

/**
 * Resolution must not fall due before the first response. Next business day spans one to two
 * support days (arriving at close, or at opening), so it is compared with those.
 */
function orderIssues(terms: SeverityTerms, days: number[]): Issue[] {
  const { firstResponse: first, resolution } = terms;
  if (!resolution || days.length === 0) return [];
  if (first.kind === 'minutes' && resolution.kind === 'minutes' && resolution.minutes < first.minutes) {
    return [{ path: ['resolution', 'minutes'], message: `must be at least the first-response target (${first.minutes} minutes)` }];
  }
  const longest = 2 * Math.max(...days);
  if (first.kind === 'next-business-day' && resolution.kind === 'minutes' && resolution.minutes < longest) {
    return [{ path: ['resolution', 'minutes'], message: `must be at least ${longest} minutes (two full support days), or it can fall due before the next-business-day first response` }];
  }
  const shortest = Math.min(...days);
  if (first.kind === 'minutes' && resolution.kind === 'next-business-day' && first.minutes > shortest) {
    return [{ path: ['firstResponse', 'minutes'], message: `must be at most ${shortest} minutes (one support day), or it can fall due after the next-business-day resolution` }];
  }
  return [];
}

function termsIssues(terms: SeverityTerms, days: number[]): Issue[] {
  const issues: Issue[] = [];
  const nextDay = [terms.firstResponse, terms.resolution].some((t) => t?.kind === 'next-business-day');
  if (nextDay && terms.measure === 'around-the-clock') {
    issues.push({ path: ['measure'], message: 'must be business when a target is next business day, which is counted in support hours' });
  }
  if (terms.resolution === null && terms.noResolutionTarget === null) {
    issues.push({ path: ['noResolutionTarget'], message: 'must say how a ticket without a resolution target is handled: work-queue or best-effort' });
  }
  return [...issues, ...orderIssues(terms, days)];
}

/** Lower uptime, higher credit: thresholds strictly falling, credits strictly rising, none above the guarantee. */
function tierIssues(guarantee: UptimeGuarantee): Issue[] {
  const issues: Issue[] = [];
  guarantee.creditTiers.forEach((tier, i) => {
    const before = guarantee.creditTiers[i - 1];
    if (i === 0 && tier.belowPercent > guarantee.percent) {
      issues.push({ path: [i, 'belowPercent'], message: `cannot be above the guarantee (${guarantee.percent} %), or credit is owed while the guarantee is met` });
    }
    if (before && tier.belowPercent >= before.belowPercent) {
      issues.push({ path: [i, 'belowPercent'], message: `must be below the previous tier's ${before.belowPercent} %: list tiers from the highest threshold down` });
    }
    if (before && tier.creditPercent <= before.creditPercent) {
      issues.push({ path: [i, 'creditPercent'], message: `must be more than the previous tier's ${before.creditPercent} %: lower uptime earns a higher credit` });
    }
  });
  return issues;
}

/** Cross-field checks, on the parts that are valid by themselves (zod runs this despite field issues; one reason each is enough). */
function checkPlan(plan: SlaPlan, ctx: z.RefinementCtx): void {
  const days = businessCalendarSchema.safeParse(plan.supportHours).success ? supportDayMinutes(plan.supportHours) : [];
  for (const severity of SEVERITIES) {
    const terms = plan.severities?.[severity];
    if (!termsSchema.safeParse(terms).success) continue;
    for (const issue of termsIssues(terms, days)) ctx.addIssue({ code: 'custom', ...issue, path: ['severities', severity, ...issue.path] });
  }
  if (!guaranteeSchema.safeParse(plan.uptimeGuarantee).success) return;
  for (const issue of tierIssues(plan.uptimeGuarantee!)) ctx.addIssue({ code: 'custom', ...issue, path: ['uptimeGuarantee', 'creditTiers', ...issue.path] });
}

const text = (max: number) => z.string().max(max, `can be at most ${max} characters`);

export const slaPlanSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100, 'can be at most 100 characters'),
    scope: z.strictObject({ included: text(10_000), excluded: text(10_000) }),
    severities: z.strictObject({ critical: termsSchema, high: termsSchema, medium: termsSchema, low: termsSchema }),
    supportHours: businessCalendarSchema,
    channels: z
      .array(z.enum(SUPPORT_CHANNELS))
      .min(1, 'must list at least one way to reach support')
      .refine((list) => new Set(list).size === list.length, 'lists a channel twice'),
    uptimeGuarantee: guaranteeSchema.nullable(),
  })
  .superRefine(checkPlan);
