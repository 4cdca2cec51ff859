import { describe, expect, it } from 'vitest';
import { stepDueAt, stepIssues, type EscalationStep } from './escalation.model.ts';

const owner = [{ kind: 'role' as const, role: 'owner' as const }];
const steps = (...minutes: number[]): EscalationStep[] => minutes.map((afterMinutes) => ({ afterMinutes, targets: owner }));

describe('stepIssues', () => {
  it('accepts increasing delays from the start', () => {
    expect(stepIssues(steps(0, 15, 30))).toEqual([]);
    expect(stepIssues(steps(5))).toEqual([]);
  });

  it('refuses delays that do not increase, naming the step', () => {
    expect(stepIssues(steps(0, 30, 15))).toEqual([{ path: ['steps', 2, 'afterMinutes'], message: expect.stringContaining('later than the step before') }]);
    expect(stepIssues(steps(0, 0)).map((i) => i.path.join('.'))).toEqual(['steps.1.afterMinutes']);
  });

  it('refuses no steps, negative or fractional delays and steps without targets', () => {
    expect(stepIssues([]).map((i) => i.path.join('.'))).toEqual(['steps']);
    expect(stepIssues(steps(-1)).map((i) => i.path.join('.'))).toEqual(['steps.0.afterMinutes']);
    expect(stepIssues(steps(1.5)).map((i) => i.path.join('.'))).toEqual(['steps.0.afterMinutes']);
    expect(stepIssues([{ afterMinutes: 0, targets: [] }]).map((i) => i.path.join('.'))).toEqual(['steps.0.targets']);
    expect(stepIssues(steps(0, 100_000)).map((i) => i.path.join('.'))).toEqual(['steps.1.afterMinutes']);
  });
});

describe('stepDueAt', () => {
  it('counts from the start of the escalation', () => {
    const start = new Date('2026-03-29T00:50:00Z');
    expect(stepDueAt({ steps: steps(0, 15, 30) }, start, 2)?.toISOString()).toBe('2026-03-29T01:20:00.000Z');
    expect(stepDueAt({ steps: steps(0) }, start, 1)).toBeNull();
  });
});
