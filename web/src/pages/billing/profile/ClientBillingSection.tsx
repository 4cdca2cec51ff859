import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { canReadBilling, canWriteBilling, useBillingProfile, type BillingProfile } from '../../../api/billing.ts';
import { useSession } from '../../../api/session.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** A client's billing profile on its page: how it is invoiced, editable with billing:write, and a link to its invoices. */
export function ClientBillingSection({ clientId, currency }: { clientId: string; currency: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const profile = useBillingProfile(canReadBilling(user) ? clientId : undefined);
  const [editing, setEditing] = useState(false);
  if (!canReadBilling(user)) return null;
  const saved = (next: BillingProfile) => {
    queries.setQueryData(['billing-profile', clientId], next);
    setEditing(false);
  };
  return (
    <section className="billing-client" aria-labelledby="billing-client-title">
      <div className="page-head">
        <h2 id="billing-client-title">{t('billing.profile.title')}</h2>
        <span className="actions">
          <Link className="button secondary-link" to={`/billing/invoices?clientId=${encodeURIComponent(clientId)}`}>{t('billing.profile.invoices')}</Link>
          {canWriteBilling(user) && !editing && profile.data && <button type="button" className="secondary" onClick={() => setEditing(true)}>{t('billing.profile.edit')}</button>}
        </span>
      </div>
      {profile.isError && <p className="alert" role="alert">{String(profile.error)}</p>}
      {profile.data && (editing ? <ProfileForm profile={profile.data} currency={currency} onSaved={saved} onCancel={() => setEditing(false)} /> : <ProfileFacts profile={profile.data} />)}
    </section>
  );
}

function ProfileFacts({ profile }: { profile: BillingProfile }) {
  const { t, money } = useI18n();
  const none = t('common.none');
  return (
    <dl className="task-facts card billing-profile-facts">
      <div><dt>{t('billing.profile.taxRate')}</dt><dd>{profile.taxRate ? profile.taxRate.name : t('billing.profile.untaxed')}</dd></div>
      <div><dt>{t('billing.profile.reverseCharge')}</dt><dd>{profile.reverseCharge ? t('billing.yes') : t('billing.no')}</dd></div>
      <div><dt>{t('billing.vatNumber')}</dt><dd>{profile.vatNumber ?? none}</dd></div>
      <div><dt>{t('billing.profile.address')}</dt><dd>{profile.address.length ? profile.address.map((line, i) => <span key={i} className="billing-address-line">{line}</span>) : none}</dd></div>
      <div><dt>{t('billing.profile.invoiceDaysBefore')}</dt><dd>{t('billing.days', { count: profile.invoiceDaysBefore })}</dd></div>
      <div><dt>{t('billing.profile.approvalThreshold')}</dt><dd>{profile.approvalThreshold ? money(profile.approvalThreshold.amount, profile.approvalThreshold.currency) : t('billing.profile.noApproval')}</dd></div>
      <div><dt>{t('billing.profile.paymentTerms')}</dt><dd>{t('billing.days', { count: profile.paymentTermsDays })}</dd></div>
    </dl>
  );
}
