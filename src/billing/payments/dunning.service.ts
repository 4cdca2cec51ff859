import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { amountDue } from '../invoice-states.model.ts';
import * as invoiceStore from '../invoices.store.ts';
import { charge } from './charges.service.ts';
import * as dunningStore from './dunning.store.ts';
import { methodToCharge } from './methods.service.ts';
import { GATEWAY_NAMES } from './settings.model.ts';
import { dunningStepFor, giveUpDunning, settlementEnv } from './settlement.service.ts';

/**
 * The dunning round: invoices whose next retry has come are charged again (the fallback gateway
 * when the schedule says so). An invoice paid another way meanwhile ends its dunning as recovered;
 * one voided or written off ends it as stopped. The step is worked out again from the attempts, so
 * a round that ran late makes one catch-up attempt, not a burst.
 */
const SYSTEM = { actor: systemActor('billing.dunning'), requestId: null } satisfies ChangeContext;

export async function runDueDunning(deps: Deps, limit = 200): Promise<number> {
  let retried = 0;
  const env = await settlementEnv(deps);
  for (const dunning of await dunningStore.dueCases(deps.database.db, deps.now().toISOString(), limit)) {
    if (await closedMeanwhile(deps, dunning)) continue;
    const step = await dunningStepFor(deps, deps.database.db, dunning, env.settings);
    if (step.kind === 'give-up') {
      await change(deps, SYSTEM, (trx, audit) => giveUpDunning(deps, trx, audit, dunning, step.reason, env));
      continue;
    }
    if (step.at > deps.now()) {
      await dunningStore.saveCase(deps.database.db, { ...dunning, nextAttemptAt: step.at.toISOString() });
      continue;
    }
    const gateway = GATEWAY_NAMES.find((name) => name === step.gateway);
    const method = gateway ? await methodToCharge(deps, dunning.clientId, gateway) : null;
    if (!method) {
      await change(deps, SYSTEM, (trx, audit) => giveUpDunning(deps, trx, audit, dunning, `no saved method at ${step.gateway}`, env));
      continue;
    }
    try {
      await charge(deps, SYSTEM, { invoiceId: dunning.invoiceId, methodId: method.id, trigger: 'dunning' });
      retried += 1;
    } catch (err) {
      if (!(err instanceof ProblemError && err.status === 409)) throw err;
    }
  }
  return retried;
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
