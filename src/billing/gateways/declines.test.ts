import { describe, expect, it } from 'vitest';
import { declineKind } from './declines.ts';

describe('decline codes', () => {
  it('never retries a card that will not work again', () => {
    for (const code of ['stolen_card', 'lost_card', 'invalid_account', 'expired_card', 'CARD_CLOSED']) expect(declineKind(code)).toBe('hard');
  });

  it('asks the card holder when the bank wants them', () => {
    expect(declineKind('authentication_required')).toBe('needs-customer');
    expect(declineKind('PAYER_ACTION_REQUIRED')).toBe('needs-customer');
  });

  it('retries the rest, unknown codes included', () => {
    for (const code of ['insufficient_funds', 'generic_decline', 'processing_error', 'try_again_later', 'something_new', null]) expect(declineKind(code)).toBe('soft');
  });
});
