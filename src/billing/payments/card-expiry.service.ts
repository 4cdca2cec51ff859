import { systemActor } from '../../accounts/model.ts';
import { publishEvent } from '../../notifications/events.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { findClient } from '../../registry/parties.store.ts';
import { cardExpiryWarning } from '../card-expiry.model.ts';
import { methodsUrl } from './links.ts';
import { methodToCharge } from './methods.service.ts';
import { readBillingSettings } from './settings.service.ts';

/**
 * Cards that will have expired by the client's next automatic charge: the client is asked to
 * update the method `cardExpiryLeadDays` before the card ends, once per card and expiry (a card
 * renewed by the bank with a new expiry is a new question). Only the method that would be
 * charged is checked, and only for clients with an automatic charge coming.
 */
const SYSTEM = { actor: systemActor('billing.card-expiry'), requestId: null } satisfies ChangeContext;

export async function requestCardUpdates(deps: Deps, today: string): Promise<number> {
  const settings = await readBillingSettings(deps);
  if (!settings.primaryGateway) return 0;
  const db = deps.database.db;
  const clients = await db.selectFrom('payment_methods').select('client_id').distinct().where('removed_at', 'is', null).where('kind', '=', 'card').where('exp_year', 'is not', null).execute();
  let asked = 0;
  for (const { client_id: clientId } of clients) {
    const card = await methodToCharge(deps, clientId, settings.primaryGateway);
    if (!card || card.kind !== 'card' || card.expMonth === null || card.expYear === null) continue;
    const nextChargeOn = await nextChargeOf(deps, clientId, today);
    if (!nextChargeOn) continue;
    const warning = cardExpiryWarning({ expMonth: card.expMonth, expYear: card.expYear }, nextChargeOn, today, settings.cardExpiryLeadDays);
    if (!warning || warning.askOn > today) continue;
    const clientName = (await findClient(db, clientId))?.name ?? '';
    const isNew = await change(deps, SYSTEM, async (trx, audit) => {
      const inserted = await trx.insertInto('card_expiry_requests').values({ method_id: card.id, valid_through: warning.validThrough, requested_at: deps.now().toISOString() }).onConflict((oc) => oc.columns(['method_id', 'valid_through']).doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await audit({ action: 'payment-method.update-requested', entityType: 'client', entityId: clientId, before: null, after: { methodId: card.id, label: card.label, validThrough: warning.validThrough, nextChargeOn } });
      await publishEvent(
        trx,
        {
          type: 'payment-method.expiring',
          severity: 'medium',
          clientId,
          projectId: null,
          assetId: null,
          subjectKey: `card-expiry:${card.id}:${warning.validThrough}`,
          groupKey: null,
          data: { clientName, methodLabel: card.label, validThrough: warning.validThrough, nextChargeOn, methodsUrl: methodsUrl(deps) },
        },
        deps.now(),
      );
      return true;
    });
    if (isNew) asked += 1;
  }
  return asked;
}

/** The client's next automatic charge: one booked, else the next renewal of an auto-renewing service. */
async function nextChargeOf(deps: Deps, clientId: string, today: string): Promise<string | null> {
  const db = deps.database.db;
  const booked = await db.selectFrom('auto_charges').select((eb) => eb.fn.min('charge_on').as('on')).where('client_id', '=', clientId).where('state', 'in', ['scheduled', 'approved', 'awaiting-approval']).where('charge_on', '>=', today).executeTakeFirst();
  const renewal = await db
    .selectFrom('assets')
    .select((eb) => eb.fn.min('expires_on').as('on'))
    .where('client_id', '=', clientId)
    .where('auto_renew', '=', 1)
    .where('status', 'in', ['active', 'expiring', 'renewing'])
    .where('expires_on', '>=', today)
    .executeTakeFirst();
  const days = [booked?.on, renewal?.on].filter((d): d is string => typeof d === 'string');
  return days.sort()[0] ?? null;
}
