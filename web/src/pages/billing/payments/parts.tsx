import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { usePaymentI18n } from './i18n.ts';

/** An instant (`2026-11-21T10:00:00Z`) as the person's locale writes a day and a time. */
export function useDateTime(): (iso: string | null) => string {
  const { locale } = usePaymentI18n();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => (iso ? format.format(new Date(iso)) : '—');
}

/** What went wrong, in the API's words when it said so. */
export function problemText(err: unknown): string {
  if (err instanceof ApiError) return err.problem.detail ?? err.problem.errors?.map((e) => e.message).join(' · ') ?? err.message;
  return err instanceof Error ? err.message : String(err);
}

/** A state as a coloured badge; `tone` picks the colour. */
export function StateBadge({ tone, children }: { tone: 'ok' | 'warn' | 'alarm' | 'info' | 'quiet'; children: ReactNode }) {
  return <span className={`badge pay-badge pay-badge-${tone}`}>{children}</span>;
}

/** The invoice's number as a link to its page (a draft has none yet). */
export function InvoiceLink({ id, number }: { id: string; number: string | null }) {
  const { t } = usePaymentI18n();
  return <Link className="strong" to={`/billing/invoices/${id}`}>{number ?? t('billing.draft')}</Link>;
}

/** A short message after an action; empty keeps its place so screen readers hear the next one. */
export function Notice({ text }: { text: string | null }) {
  return <p className="pay-notice" role="status">{text}</p>;
}

export function Problem({ text }: { text: string | null }) {
  return text ? <p className="alert" role="alert">{text}</p> : null;
}

/** The gateway's name as it writes it. */
export const gatewayName = (name: string) => (name === 'paypal' ? 'PayPal' : name === 'stripe' ? 'Stripe' : name);
