import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { asset, auditOf, events, moveExpiry, person, provider, reminderLog, sweepAt, tasksOf } from './sweep-support.ts';

/**
 * Auto-renew verification: an auto-renewing asset whose expiry has not moved on a few days after
 * its renewal date raises "auto-renew failed" once; when the expiry does move (a check or a person
 * updates it), the failure is resolved and the renewal task closed as renewed.
 */
let t: TestApp;
let a: Agency;
let owner: { id: string };
let unmoved: string;
let onTime: string;
let byHand: string;

const checksOf = (assetId: string) => t.deps.database.db.selectFrom('auto_renew_checks').selectAll().where('asset_id', '=', assetId).execute();

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-04-01T00:00:00Z');
  a = await seedAgency(t);
  owner = await person(t, 'UTC');
  const registrar = await provider(t, 'Example Registrar');
  unmoved = await asset(t, { clientId: a.clientA, ownerId: owner.id, providerId: registrar, expiresOn: '2030-05-10', autoRenew: true });
  onTime = await asset(t, { clientId: a.clientA, ownerId: owner.id, expiresOn: '2030-05-10', autoRenew: true });
  byHand = await asset(t, { clientId: a.clientA, ownerId: owner.id, expiresOn: '2030-05-10', autoRenew: false });
  await sweepAt(t, '2030-04-20T09:00:00Z');
});
afterAll(async () => t?.close());

describe('auto-renew verification', () => {
  it('says nothing within the grace period', async () => {
    // The registrar renewed the second one on the day: a domain check moved its expiry.
    await sweepAt(t, '2030-05-10T09:00:00Z');
    await moveExpiry(t, onTime, '2031-05-10');
    await sweepAt(t, '2030-05-12T09:00:00Z');
    const sweep = await sweepAt(t, '2030-05-13T23:59:00Z');
    expect(sweep.counts?.autoRenewFailed).toBe(0);
    expect(await events(t, { type: 'renewal.auto-renew-failed' })).toEqual([]);
    expect((await tasksOf(t, onTime))[0]).toMatchObject({ renewal_on: '2030-05-10', state: 'done', outcome: 'renewed', renewed_until: '2031-05-10' });
  });

  it('raises "auto-renew failed" once the grace period is over, once', async () => {
    const sweep = await sweepAt(t, '2030-05-14T00:00:00Z');
    expect(sweep.counts?.autoRenewFailed).toBe(1);
    await sweepAt(t, '2030-05-14T00:15:00Z');
    await sweepAt(t, '2030-05-15T09:00:00Z');
    const failed = await events(t, { type: 'renewal.auto-renew-failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ severity: 'high', assetId: unmoved, clientId: a.clientA, subjectKey: `auto-renew:${unmoved}/2030-05-10` });
    expect(failed[0]!.data).toEqual({ assetId: unmoved, assetName: expect.any(String), renewalOn: '2030-05-10', graceEndedOn: '2030-05-13', provider: 'Example Registrar', assigneeId: owner.id });
    expect(await checksOf(unmoved)).toMatchObject([{ renewal_on: '2030-05-10', state: 'failed', event_id: failed[0]!.id, resolved_at: null }]);
    // Not auto-renewing: expired reminders, but no auto-renew alert.
    expect(await checksOf(byHand)).toEqual([]);
    expect(await events(t, { assetId: byHand, type: 'renewal.expired' })).not.toEqual([]);
  });

  it('resolves the failure and closes the task as renewed once the expiry moves on', async () => {
    const [task] = await tasksOf(t, unmoved);
    expect(task).toMatchObject({ renewal_on: '2030-05-10', state: 'open' });
    const expiredBefore = (await events(t, { assetId: unmoved, type: 'renewal.expired' })).length;
    expect(expiredBefore).toBeGreaterThan(0);
    await moveExpiry(t, unmoved, '2031-05-10');
    const sweep = await sweepAt(t, '2030-05-16T09:00:00Z');
    expect(sweep.counts).toMatchObject({ autoRenewVerified: 1, tasksClosed: 1 });
    expect(await checksOf(unmoved)).toMatchObject([{ state: 'renewed', resolved_at: '2030-05-16T09:00:00.000Z' }]);
    expect((await tasksOf(t, unmoved))[0]).toMatchObject({ state: 'done', outcome: 'renewed', renewed_until: '2031-05-10', completed_at: '2030-05-16T09:00:00.000Z' });
    const audit = await auditOf(t, task!.id);
    expect(audit.map((e) => [e.action, e.actor_type, e.actor_id])).toEqual([
      ['task.created', 'system', 'renewals'],
      ['task.escalated', 'system', 'renewals'],
      ['task.completed', 'system', 'renewals'],
    ]);
    expect(JSON.parse(audit[2]!.after!)).toMatchObject({ state: 'done', outcome: 'renewed', renewedUntil: '2031-05-10' });
    // The expired reminders of the old date stop: the asset's facts now name the next renewal.
    await sweepAt(t, '2030-05-17T09:00:00Z');
    expect(await events(t, { assetId: unmoved, type: 'renewal.expired' })).toHaveLength(expiredBefore);
  });

  it('leaves the task of an asset renewed by hand to the person working it', async () => {
    const expiredBefore = await reminderLog(t, byHand);
    expect(expiredBefore).toContain('expired 7');
    await moveExpiry(t, byHand, '2031-05-10');
    await sweepAt(t, '2030-05-19T09:00:00Z');
    expect((await tasksOf(t, byHand))[0]).toMatchObject({ renewal_on: '2030-05-10', state: 'open' });
    expect(await reminderLog(t, byHand)).toEqual(expiredBefore);
  });
});
