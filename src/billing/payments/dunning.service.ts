import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { amountDue } from '../invoice-states.model.ts';
import * as invoiceStore from '../invoices.store.ts';
import { charge } from './charges.service.ts';
import * as chargeStore from './charges.store.ts';
import * as dunningStore from './dunning.store.ts';
import { methodToCharge } from './methods.service.ts';
import { GATEWAY_NAMES } from './settings.model.ts';
import { dunningStepFor, giveUpDunning, settlementEnv, type SettlementEnv } from './settlement.service.ts';

/**
 * The dunning round: invoices whose next retry has come are charged again (the fallback gateway
 * when the schedule says so). An invoice paid another way meanwhile ends its dunning as recovered;
 * one voided or written off ends it as stopped. The step is worked out again from the attempts, so
 * a round that ran late makes one catch-up attempt, not a burst.
 *
 * A dunning attempt the gateway refuses before it reaches the money (the saved method is gone at
 * the gateway, the request is rejected) is not a decline: no schedule step follows from it, so
 * trying again would make the same refused attempt every round. Dunning ends there, exhausted,
 * and a person is told, with the gateway's reason.
 */
const SYSTEM = { actor: systemActor('billing.dunning'), requestId: null } satisfies ChangeContext;

export async function runDueDunning(deps: Deps, limit = 200): Promise<number> {
  let retried = 0;
  const env = await settlementEnv(deps);
  for (const dunning of await dunningStore.dueCases(deps.database.db, deps.now().toISOString(), limit)) {
    if (await closedMeanwhile(deps, dunning)) continue;
    // A refused attempt an earlier round (or the reconciliation of one) left: never repeat it.
    const refused = await refusedAttempt(deps, dunning.invoiceId);
    if (refused) {
      await giveUp(deps, dunning, refusedReason(refused), env);
      continue;
    }
    const step = await dunningStepFor(deps, deps.database.db, dunning, env.settings);
    if (step.kind === 'give-up') {
      await giveUp(deps, dunning, step.reason, env);
      continue;
    }
    if (step.at > deps.now()) {
      await dunningStore.saveCase(deps.database.db, { ...dunning, nextAttemptAt: step.at.toISOString() });
      continue;
    }
    const gateway = GATEWAY_NAMES.find((name) => name === step.gateway);
    const method = gateway ? await methodToCharge(deps, dunning.clientId, gateway) : null;
    if (!method) {
      await giveUp(deps, dunning, `no saved method at ${step.gateway}`, env);
      continue;
    }
    try {
      const attempt = await charge(deps, SYSTEM, { invoiceId: dunning.invoiceId, methodId: method.id, trigger: 'dunning' });
      retried += 1;
      if (attempt.state === 'failed') await giveUp(deps, dunning, refusedReason(attempt), env);
    } catch (err) {
      if (!(err instanceof ProblemError && err.status === 409)) throw err;
    }
  }
  return retried;
}

function giveUp(deps: Deps, dunning: dunningStore.DunningCase, reason: string, env: SettlementEnv): Promise<void> {
  return change(deps, SYSTEM, (trx, audit) => giveUpDunning(deps, trx, audit, dunning, reason, env));
}

/** The invoice's latest attempt when it is a dunning attempt the gateway refused (state `failed`). */
async function refusedAttempt(deps: Deps, invoiceId: string): Promise<chargeStore.ChargeRecord | null> {
  const last = (await chargeStore.chargesOf(deps.database.db, invoiceId)).at(-1);
  return last?.state === 'failed' && last.trigger === 'dunning' ? last : null;
}

function refusedReason(attempt: chargeStore.ChargeRecord): string {
  return `${attempt.gateway} refused the attempt: ${attempt.declineMessage ?? attempt.declineCode ?? 'gateway error'}`;
}

async function closedMeanwhile(deps: Deps, dunning: dunningStore.DunningCase): Promise<boolean> {
  const invoice = (await invoiceStore.findInvoice(deps.database.db, dunning.invoiceId))!;
  const due = amountDue(invoice.total - (await invoiceStore.creditedOn(deps.database.db, invoice.id)), invoice.paid);
  const state = invoice.state === 'paid' || due <= 0 ? 'recovered' : invoice.state === 'void' || invoice.state === 'uncollectible' ? 'stopped' : null;
  if (!state) return false;
  await change(deps, SYSTEM, async (trx, audit) => {
    await dunningStore.saveCase(trx, { ...dunning, state, nextAttemptAt: null, closedAt: deps.now().toISOString() });
    await audit({ action: `dunning.${state}`, entityType: 'invoice', entityId: dunning.invoiceId, before: { state: 'active' }, after: { state, invoiceState: invoice.state } });
  });
  return true;
}
