import { describe, expect, it } from 'vitest';
import { completionProblem, daysLeft, effectiveState, isOverdue, renewedUntilProblem, snoozeProblem, transitionProblem, WORKING_STATES } from './tasks.model.ts';

describe('renewal task transitions', () => {
  it('lets a person move freely between open, in progress and snoozed', () => {
    for (const from of WORKING_STATES) for (const to of WORKING_STATES) expect(transitionProblem(from, to)).toBeNull();
  });

  it('never reopens a done or cancelled task', () => {
    for (const to of WORKING_STATES) {
      expect(transitionProblem('done', to)).toMatch(/done/);
      expect(transitionProblem('cancelled', to)).toMatch(/cancelled/);
    }
  });

  it('completes a task once, from any working state', () => {
    for (const from of WORKING_STATES) expect(completionProblem(from)).toBeNull();
    expect(completionProblem('done')).toMatch(/already done/);
    expect(completionProblem('cancelled')).toMatch(/cancelled/);
  });
});

describe('snoozing', () => {
  const task = { renewalOn: '2030-03-31' };
  it('needs a day after today and not more than 14 days past the renewal', () => {
    expect(snoozeProblem(task, undefined, '2030-03-01')).toMatch(/required/);
    expect(snoozeProblem(task, '2030-03-01', '2030-03-01')).toMatch(/after today/);
    expect(snoozeProblem(task, '2030-02-28', '2030-03-01')).toMatch(/after today/);
    expect(snoozeProblem(task, '2030-03-02', '2030-03-01')).toBeNull();
    expect(snoozeProblem(task, '2030-04-14', '2030-03-01')).toBeNull();
    expect(snoozeProblem(task, '2030-04-15', '2030-03-01')).toMatch(/2030-04-14/);
  });

  it('reads as open again on the day the snooze ends', () => {
    const snoozed = { state: 'snoozed' as const, snoozedUntil: '2030-03-10' };
    expect(effectiveState(snoozed, '2030-03-09')).toBe('snoozed');
    expect(effectiveState(snoozed, '2030-03-10')).toBe('open');
    expect(effectiveState({ state: 'in_progress', snoozedUntil: null }, '2030-03-10')).toBe('in_progress');
  });
});

describe('dates', () => {
  it('wants a new expiry strictly after the renewal date', () => {
    expect(renewedUntilProblem('2030-03-31', '2030-03-31')).toMatch(/after the renewal date/);
    expect(renewedUntilProblem('2030-03-31', '2031-03-31')).toBeNull();
  });

  it('counts days left to the due day across a leap day, and overdue once it passed', () => {
    expect(daysLeft({ dueOn: '2028-03-01' }, new Date('2028-02-28T23:59:00Z'))).toBe(2);
    expect(daysLeft({ dueOn: '2028-02-27' }, new Date('2028-02-28T00:00:00Z'))).toBe(-1);
    const task = { state: 'open' as const, snoozedUntil: null, renewalOn: '2030-03-31', dueOn: '2030-03-20' };
    expect(isOverdue(task, '2030-03-20')).toBe(false);
    expect(isOverdue(task, '2030-03-21')).toBe(true);
    expect(isOverdue({ ...task, state: 'done' }, '2030-03-21')).toBe(false);
  });
});
