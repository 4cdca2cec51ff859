import { parsePrice, priceText } from '../../asset/price.ts';
import { SEVERITIES, type Severity, type Target } from '../api.ts';
import type { Channel, CreditTier, Measure, PlanBody, SeverityTerms, SlaPlan } from './api.ts';

/**
 * An SLA plan as its form holds it: numbers as typed, targets as hours and minutes, and the body
 * the API is sent. Nothing is checked here beyond turning text into numbers: the server names what
 * is wrong (zero minutes, tiers out of order), and the form shows it by the field.
 */
export type TargetKind = 'minutes' | 'next-business-day';

/** A resolution is a target like a first response, or one of the two ways of having none. */
export type ResolutionKind = TargetKind | 'work-queue' | 'best-effort';

export interface TargetDraft<K extends ResolutionKind = TargetKind> {
  kind: K;
  hours: string;
  minutes: string;
}

export interface SeverityDraft {
  firstResponse: TargetDraft;
  resolution: TargetDraft<ResolutionKind>;
  measure: Measure;
}

export interface TierDraft {
  key: number;
  belowPercent: string;
  creditPercent: string;
}

export interface PlanDraft {
  name: string;
  included: string;
  excluded: string;
  severities: Record<Severity, SeverityDraft>;
  channels: Channel[];
  calendarId: string;
  guaranteed: boolean;
  uptimePercent: string;
  tiers: TierDraft[];
  feeAmount: string;
  feeCurrency: string;
  /** Undefined when the server does not offer the monthly report e-mail. */
  monthlyReport: boolean | undefined;
}

let nextKey = 1;
/** Rows added and removed keep their identity, so focus and typed text stay with the right row. */
export const newTierKey = () => nextKey++;

const decimal = (n: number) => String(n);

function targetDraft(target: Target | null): TargetDraft {
  if (!target || target.kind === 'next-business-day') return { kind: target ? 'next-business-day' : 'minutes', hours: '', minutes: '' };
  return { kind: 'minutes', hours: String(Math.floor(target.minutes / 60)), minutes: String(target.minutes % 60) };
}

function severityDraft(terms: SeverityTerms): SeverityDraft {
  const resolution = targetDraft(terms.resolution);
  return {
    firstResponse: targetDraft(terms.firstResponse),
    resolution: terms.resolution ? resolution : { ...resolution, kind: terms.noResolutionTarget ?? 'work-queue' } satisfies TargetDraft<ResolutionKind>,
    measure: terms.measure,
  };
}

/** `currency`: the one a new fee is in when the plan has none yet (the client's). */
export function draftOf(plan: SlaPlan, currency = plan.monthlyFee?.currency ?? 'EUR'): PlanDraft {
  const g = plan.uptimeGuarantee;
  return {
    name: plan.name,
    included: plan.scope.included,
    excluded: plan.scope.excluded,
    severities: Object.fromEntries(SEVERITIES.map((s) => [s, severityDraft(plan.severities[s])])) as Record<Severity, SeverityDraft>,
    channels: plan.channels,
    calendarId: plan.calendarId,
    guaranteed: g !== null,
    uptimePercent: g ? decimal(g.percent) : '99.9',
    tiers: (g?.creditTiers ?? []).map((tier) => ({ key: newTierKey(), belowPercent: decimal(tier.belowPercent), creditPercent: decimal(tier.creditPercent) })),
    feeAmount: plan.monthlyFee ? priceText(plan.monthlyFee.amount, currency) : '',
    feeCurrency: currency,
    monthlyReport: plan.monthlyReport,
  };
}

/** "1,5" or "99.9" as a number; blank or not a number is NaN, which the API reports as "must be a number". */
export const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** Hours and minutes as typed, as minutes; a blank part is zero (the API refuses zero in all). */
export function minutesOf(draft: TargetDraft): number {
  const part = (text: string) => (text.trim() === '' ? 0 : numberOf(text));
  return Math.round(part(draft.hours) * 60 * 1e6) / 1e6 + part(draft.minutes);
}

function targetOf(draft: TargetDraft): Target {
  return draft.kind === 'next-business-day' ? { kind: 'next-business-day' } : { kind: 'minutes', minutes: minutesOf(draft) };
}

function termsOf(draft: SeverityDraft): SeverityTerms {
  const { resolution } = draft;
  const none = resolution.kind === 'work-queue' || resolution.kind === 'best-effort';
  return {
    firstResponse: targetOf(draft.firstResponse),
    resolution: none ? null : targetOf({ ...resolution, kind: resolution.kind as TargetKind }),
    noResolutionTarget: none ? (resolution.kind as 'work-queue' | 'best-effort') : null,
    measure: draft.measure,
  };
}

const tierOf = (tier: TierDraft): CreditTier => ({ belowPercent: numberOf(tier.belowPercent), creditPercent: numberOf(tier.creditPercent) });

export type BodyResult = { ok: true; body: PlanBody } | { ok: false; field: string; problem: 'format' | 'decimals' };

/** The PATCH body of the whole plan; a fee that is not an amount is reported before anything is sent. */
export function bodyOf(draft: PlanDraft): BodyResult {
  const currency = draft.feeCurrency.trim().toUpperCase();
  const fee = parsePrice(draft.feeAmount, currency);
  if (!fee.ok) return { ok: false, field: 'monthlyFee', problem: fee.problem };
  const body: PlanBody = {
    name: draft.name,
    scope: { included: draft.included, excluded: draft.excluded },
    severities: Object.fromEntries(SEVERITIES.map((s) => [s, termsOf(draft.severities[s])])) as Record<Severity, SeverityTerms>,
    channels: draft.channels,
    calendarId: draft.calendarId,
    uptimeGuarantee: draft.guaranteed ? { percent: numberOf(draft.uptimePercent), period: 'calendar-month', creditTiers: draft.tiers.map(tierOf) } : null,
    monthlyFee: fee.amount === null ? null : { amount: fee.amount, currency },
  };
  if (draft.monthlyReport !== undefined) body.monthlyReport = draft.monthlyReport;
  return { ok: true, body };
}
