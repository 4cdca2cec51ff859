import type { TestApp } from '../support/app.ts';
import { fieldsOf, ok } from '../support/api.ts';

export { fieldsOf, ok };

/** Shared set-up of the billing API tests. */

export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

/** One line of a whole unit at `unitPrice`, with the client's default tax unless `extra` says otherwise. */
export const line = (unitPrice: number, extra: Record<string, unknown> = {}) => ({ description: 'Hosting, one month', quantity: 1000, unitPrice, ...extra });

export async function newClient(t: TestApp, token: string, name: string, currency = 'EUR'): Promise<string> {
  return (await ok(t, 'POST', '/api/v1/clients', token, { name, currency })).id;
}

export async function draft(t: TestApp, token: string, clientId: string, lines: unknown[] = [line(10_000)], extra: Record<string, unknown> = {}): Promise<any> {
  return ok(t, 'POST', '/api/v1/invoices', token, { clientId, lines, ...extra });
}

export async function issued(t: TestApp, token: string, clientId: string, lines?: unknown[]): Promise<any> {
  const d = await draft(t, token, clientId, lines);
  return ok(t, 'POST', `/api/v1/invoices/${d.id}/issue`, token);
}
