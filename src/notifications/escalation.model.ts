import type { Target } from './routing.model.ts';

/**
 * Escalation policies: ordered steps, each telling its targets `afterMinutes` after the
 * escalation started unless the subject was acknowledged or resolved first. Step 0 usually
 * runs at once ("on-call now; the project manager after 15 min; the owner after 30").
 */
export interface EscalationStep {
  afterMinutes: number;
  targets: Target[];
}

export interface EscalationPolicy {
  id: string;
  name: string;
  steps: EscalationStep[];
  createdAt: string;
  updatedAt: string;
}

export const ESCALATION_STATES = ['running', 'acknowledged', 'resolved', 'completed'] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

/** A policy running for one subject. */
export interface Escalation {
  subjectKey: string;
  policyId: string;
  eventId: string;
  state: EscalationState;
  /** The step that runs next; equals the number of steps once all ran. */
  nextStep: number;
  nextAt: string | null;
  startedAt: string;
  stoppedAt: string | null;
}

/** A week: longer than that is not an escalation but a reminder. */
export const MAX_STEP_MINUTES = 7 * 24 * 60;
export const MAX_STEPS = 10;

export interface StepIssue {
  path: (string | number)[];
  message: string;
}

export function stepIssues(steps: readonly EscalationStep[]): StepIssue[] {
  const issues: StepIssue[] = [];
  if (steps.length === 0) issues.push({ path: ['steps'], message: 'give at least one step' });
  if (steps.length > MAX_STEPS) issues.push({ path: ['steps'], message: `at most ${MAX_STEPS} steps` });
  steps.forEach((step, i) => {
    if (!Number.isInteger(step.afterMinutes) || step.afterMinutes < 0 || step.afterMinutes > MAX_STEP_MINUTES) {
      issues.push({ path: ['steps', i, 'afterMinutes'], message: `must be a whole number of minutes from 0 to ${MAX_STEP_MINUTES}` });
    } else if (i > 0 && step.afterMinutes <= steps[i - 1]!.afterMinutes) {
      issues.push({ path: ['steps', i, 'afterMinutes'], message: `must be later than the step before (${steps[i - 1]!.afterMinutes} min): steps count from the start of the escalation` });
    }
    if (step.targets.length === 0) issues.push({ path: ['steps', i, 'targets'], message: 'give at least one target' });
  });
  return issues;
}

/** When step `index` is due: counted from the start, so a late worker does not push later steps back. */
export function stepDueAt(policy: Pick<EscalationPolicy, 'steps'>, startedAt: Date, index: number): Date | null {
  const step = policy.steps[index];
  return step ? new Date(startedAt.getTime() + step.afterMinutes * 60_000) : null;
}
