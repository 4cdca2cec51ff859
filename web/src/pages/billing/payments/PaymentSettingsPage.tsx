import { useQueryClient } from '@tanstack/react-query';
import { canManagePayments, useBillingSettings } from '../../../api/payments.ts';
import { useSession } from '../../../api/session.tsx';
import { NotAllowed } from '../../../components/NotAllowed.tsx';
import { SellerDetailsSection } from '../seller/SellerDetailsForm.tsx';
import { usePaymentI18n } from './i18n.ts';
import { problemText } from './parts.tsx';
import { ChargingForm } from './settings/ChargingForm.tsx';
import { GatewayCard } from './settings/GatewayCard.tsx';

/** The agency's payment set-up (owners and admins): gateway credentials, how clients are charged, and the seller details invoices print. */
export function PaymentSettingsPage() {
  const { t } = usePaymentI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const allowed = canManagePayments(user);
  const settings = useBillingSettings(allowed);
  if (!allowed) return <NotAllowed />;
  if (settings.isError) return <p className="alert" role="alert">{problemText(settings.error)}</p>;
  if (!settings.data) return <p className="loading">{t('common.loading')}</p>;
  const refresh = () => queries.invalidateQueries({ queryKey: ['billing-settings'] });
  return (
    <section className="pay-settings-page">
      <h1>{t('pay.settings.title')}</h1>
      <p className="muted">{t('pay.settings.intro')}</p>
      <h2>{t('pay.settings.gateways')}</h2>
      <div className="pay-gateways">
        {settings.data.gateways.map((g) => <GatewayCard key={g.name} gateway={g} onChanged={refresh} />)}
      </div>
      <ChargingForm view={settings.data} onSaved={(next) => queries.setQueryData(['billing-settings'], next)} />
      <SellerDetailsSection />
    </section>
  );
}
