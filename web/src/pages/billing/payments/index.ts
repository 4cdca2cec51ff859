/**
 * Payments in the web app: pages under /billing (settings, approvals, failed payments, saved
 * methods, KPIs) and the two parts of an invoice's page (Pay now, its charges).
 */
import './payments.css';

export { ApprovalsPage } from './ApprovalsPage.tsx';
export { BillingKpisPage } from './BillingKpisPage.tsx';
export { ChargesSection } from './ChargesSection.tsx';
export { DunningPage } from './DunningPage.tsx';
export { PaymentMethodsPage } from './PaymentMethodsPage.tsx';
export { PaymentSettingsPage } from './PaymentSettingsPage.tsx';
export { PayNowPanel } from './PayNowPanel.tsx';
