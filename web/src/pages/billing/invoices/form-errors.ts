import type { ApiError } from '../../../api/client.ts';
import type { MessageKey } from '../../../i18n/en.ts';
import type { LocalErrors } from './draft-lines.ts';

/**
 * The message for one field of an invoice form: a value the form could not read (checked before
 * sending) or the API's own message for exactly that field (`lines.0.quantity` is
 * `body.lines.0.quantity` in the problem), so a line's error never shows on its neighbours.
 */
export function formErrors(api: ApiError | null, local: LocalErrors, t: (key: MessageKey) => string) {
  const errors = api?.problem.errors ?? [];
  const errorFor = (field: string): string | undefined => {
    const mine = local[field];
    if (mine) return t(mine);
    return errors.find((e) => e.field === `body.${field}` || e.field === field)?.message;
  };
  /** What no field shows: a problem without field errors, or fields the form has no input for. */
  const shown = (field: string) => /^(body\.)?(clientId|currency|notes|amount|receivedAt|lines(\.\d+(\.(description|quantity|unitPrice|taxRate(\.\w+)?|periodFrom|periodTo))?)?)$/.test(field);
  const rest = errors.filter((e) => !shown(e.field)).map((e) => `${e.field}: ${e.message}`);
  const general = api && (errors.length === 0 ? api.message : rest.join(' · ')) || null;
  return { errorFor, general };
}
