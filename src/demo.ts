import { systemActor, type Actor } from './accounts/model.ts';
import { loadBillingDemo } from './billing/demo.ts';
import { loadDeskDemo } from './desk/demo.ts';
import type { Deps } from './platform/deps.ts';
import { loadDemoData } from './registry/demo/load.ts';

/**
 * The demo agency as a newcomer sees it: the registry's clients, projects, providers, staff and
 * assets, then the desk's support hours, SLA plans and tickets for those clients, then billing
 * profiles, invoices and today's billing run. The desk and billing read the registry and never the
 * other way round, so they are put together here, above all three.
 * Returns what was created, or null when the registry is not empty: a demo is never mixed into
 * real data.
 */
export async function loadDemo(deps: Deps, actor: Actor = systemActor('demo')): Promise<Record<string, number> | null> {
  const registry = await loadDemoData(deps, actor);
  if (!registry) return null;
  const desk = await loadDeskDemo(deps, actor);
  const billing = await loadBillingDemo(deps, actor);
  return {
    ...registry,
    ...(desk ?? { businessCalendars: 0, slaPlans: 0, tickets: 0 }),
    ...(billing ?? { billingProfiles: 0, invoices: 0, creditNotes: 0, payments: 0, renewalInvoices: 0 }),
  };
}
