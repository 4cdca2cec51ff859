import { DateTime } from 'luxon';
import { readAgency } from '../accounts/agency.ts';
import type { Deps } from '../platform/deps.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { requestCardUpdates } from './payments/card-expiry.service.ts';
import { reconcileCharges } from './payments/charges.service.ts';
import { reconcileRefunds } from './payments/refunds.service.ts';
import { runDueDunning } from './payments/dunning.service.ts';
import { readBillingSettings } from './payments/settings.service.ts';
import { runDueAutoCharges } from './runs/auto-charges.service.ts';
import { runBilling } from './runs/billing-run.service.ts';

/**
 * Billing's rounds. Every 15 minutes: reconcile charges and refunds whose answer was lost, make the automatic
 * charges whose day has come, and the dunning retries that are due. Once a day (the agency's
 * date): the billing run (once the agency turns it on) and the card-expiry requests. Slots are
 * booked under keys naming them, so however many processes start, each round runs once; after an
 * outage the next round covers what was missed (every step is keyed or reads its state), not a
 * backlog of rounds.
 */
export const TICK_JOB = 'billing.tick';
export const DAILY_JOB = 'billing.daily';
export const TICK_EVERY_MS = 15 * 60_000;

const slotOf = (at: Date): number => Math.floor(at.getTime() / TICK_EVERY_MS) * TICK_EVERY_MS;

async function bookTick(deps: Deps, slotStart: number): Promise<void> {
  const slot = new Date(slotStart).toISOString();
  await enqueueJob(deps.database.db, { name: TICK_JOB, payload: { slot }, idempotencyKey: `${TICK_JOB}:${slot}`, runAt: new Date(slotStart), now: deps.now() });
}

async function agencyToday(deps: Deps): Promise<string> {
  return DateTime.fromJSDate(deps.now(), { zone: (await readAgency(deps)).timeZone }).toISODate()!;
}

async function bookDaily(deps: Deps): Promise<void> {
  const day = await agencyToday(deps);
  await enqueueJob(deps.database.db, { name: DAILY_JOB, payload: { day }, idempotencyKey: `${DAILY_JOB}:${day}`, now: deps.now() });
}

export async function scheduleBillingJobs(deps: Deps): Promise<void> {
  await bookTick(deps, slotOf(deps.now()));
}

function slotIn(payload: unknown): number {
  const value = (payload as Record<string, unknown> | null)?.slot;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new PermanentJobError('The payload needs the slot\'s instant in "slot".');
  return at;
}

export function billingJobs(deps: Deps): JobHandlers {
  return {
    [TICK_JOB]: async (payload) => {
      const slot = slotIn(payload);
      await bookTick(deps, Math.max(slot, slotOf(deps.now())) + TICK_EVERY_MS);
      await bookDaily(deps);
      const reconciled = (await reconcileCharges(deps)) + (await reconcileRefunds(deps));
      const charged = await runDueAutoCharges(deps, await agencyToday(deps));
      const retried = await runDueDunning(deps);
      if (reconciled + charged + retried > 0) deps.logger.info({ reconciled, charged, retried }, 'billing round');
    },
    [DAILY_JOB]: async () => {
      // An agency that does not bill through Upkeep is never surprised by invoices sent to its clients.
      if ((await readBillingSettings(deps)).invoiceRenewals) await runBilling(deps);
      const asked = await requestCardUpdates(deps, await agencyToday(deps));
      if (asked > 0) deps.logger.info({ asked }, 'card updates requested');
    },
  };
}
