import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { User } from '../../api/types.ts';
import { canReadBilling } from '../../api/billing.ts';
import { canManagePayments, canOverseeBilling } from '../../api/payments.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The billing section's tabs, in order. A new tab is one entry here (its path under /billing, its
 * label and who sees it) plus its route in App.tsx under <Route path="billing"> (lazily loaded
 * like the invoices' pages); approvals, KPIs, payment methods and settings come this way.
 */
export const BILLING_TABS: readonly { path: string; label: MessageKey; shownTo: (user: User | null) => boolean }[] = [
  { path: 'invoices', label: 'billing.tab.invoices', shownTo: canReadBilling },
  { path: 'methods', label: 'pay.tab.methods', shownTo: canReadBilling },
  { path: 'approvals', label: 'pay.tab.approvals', shownTo: canOverseeBilling },
  { path: 'dunning', label: 'pay.tab.dunning', shownTo: canOverseeBilling },
  { path: 'kpis', label: 'pay.tab.kpis', shownTo: canOverseeBilling },
  { path: 'settings', label: 'pay.tab.settings', shownTo: canManagePayments },
];

/** Billing for staff (owner and admin change, manager reads) and client portal users (their own issued invoices). */
export function BillingLayout() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div className="billing-page">
      <nav className="notif-tabs" aria-label={t('nav.billing')}>
        {BILLING_TABS.filter((tab) => tab.shownTo(user)).map((tab) => (
          <NavLink key={tab.path} to={`/billing/${tab.path}`}>{t(tab.label)}</NavLink>
        ))}
      </nav>
      {/* The tabs' pages are loaded when first opened. */}
      <Suspense fallback={<p className="loading">…</p>}>
        <Outlet />
      </Suspense>
    </div>
  );
}
