import { systemActor } from '../accounts/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { clocksOf, recordPassed, type RecordedPassing } from './tickets.clocks.service.ts';
import * as store from './tickets.store.ts';

/**
 * The SLA watch: records, once each, when a ticket's clock passed 75 % of its target (warning) and
 * 100 % (breach). The instants recorded are when it happened, not when the watch noticed, so a late
 * run records the same thing as a punctual one. What it records is audited and published
 * (`ticket.sla-warning`, `ticket.sla-breached`) in the same transaction, so each is told once.
 */
const ctx = { actor: systemActor('desk.sla-watch'), requestId: null };
const PAGE = 200;

async function watchTicket(deps: Deps, id: string, now: Date): Promise<RecordedPassing[]> {
  return change(deps, ctx, async (trx, audit) => {
    const ticket = await store.findTicket(trx, id);
    if (!ticket) return [];
    const clocks = clocksOf(ticket, await store.eventsOf(trx, id), now);
    const recorded = await recordPassed(deps, trx, ticket, clocks, now);
    for (const r of recorded) {
      await audit({ action: r.kind === 'breach' ? 'ticket.sla-breached' : 'ticket.sla-warned', entityType: 'ticket', entityId: id, after: { clock: r.clock, at: r.at, severity: ticket.severity } });
    }
    return recorded;
  });
}

export async function recordSlaBreaches(deps: Deps, now: Date): Promise<RecordedPassing[]> {
  const out: RecordedPassing[] = [];
  let after: string | null = null;
  for (;;) {
    const ids = await store.ticketsToWatch(deps.database.db, now.toISOString(), after, PAGE);
    for (const id of ids) out.push(...(await watchTicket(deps, id, now)));
    if (ids.length < PAGE) return out;
    after = ids[ids.length - 1]!;
  }
}
