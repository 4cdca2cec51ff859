import { isWorkingInstant, nextWorkingInstant } from './calendar.model.ts';
import { addBusinessMinutes } from './clock.model.ts';
import type { NoResolutionTarget, Severity, SlaPlan, SlaTarget } from './plan.model.ts';
import { measureFor, targetMinutes } from './ticket-clocks.model.ts';

/**
 * The facts of the automatic acknowledgement a client gets for a new ticket: the targets that
 * apply and when they fall due, and — outside support hours — when work will start. A severity
 * measured around the clock (critical, by default) starts now, whatever the hour. The wording
 * and language belong to the notification template; this says only what is true.
 */
export interface TargetDue {
  target: SlaTarget;
  dueAt: string;
}

export interface Acknowledgement {
  severity: Severity;
  measure: 'business' | 'around-the-clock';
  firstResponse: TargetDue;
  /** Null when there is no resolution target; `noResolutionTarget` then says how it is handled. */
  resolution: TargetDue | null;
  noResolutionTarget: NoResolutionTarget | null;
  /** The ticket came in during support hours. */
  withinSupportHours: boolean;
  /** When someone starts on it: now, or the next opening of support hours. */
  workStartsAt: string;
  /** The support hours' time zone, to show times the way the agency reads them. */
  timeZone: string;
}

function due(plan: SlaPlan, severity: Severity, target: SlaTarget, createdAt: Date): TargetDue {
  const minutes = targetMinutes(plan, severity, target, createdAt);
  return { target, dueAt: addBusinessMinutes(measureFor(plan, severity), createdAt, minutes).toISOString() };
}

export function acknowledgementFor(plan: SlaPlan, severity: Severity, createdAt: Date): Acknowledgement {
  const terms = plan.severities[severity];
  const withinSupportHours = isWorkingInstant(plan.supportHours, createdAt);
  const startsNow = terms.measure === 'around-the-clock' || withinSupportHours;
  const opening = startsNow ? createdAt : (nextWorkingInstant(plan.supportHours, createdAt) ?? createdAt);
  return {
    severity,
    measure: terms.measure,
    firstResponse: due(plan, severity, terms.firstResponse, createdAt),
    resolution: terms.resolution ? due(plan, severity, terms.resolution, createdAt) : null,
    noResolutionTarget: terms.resolution ? null : terms.noResolutionTarget,
    withinSupportHours,
    workStartsAt: opening.toISOString(),
    timeZone: plan.supportHours.timeZone,
  };
}
