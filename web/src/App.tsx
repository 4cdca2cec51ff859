import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { canManageDesk, canWrite, isStaff, SessionProvider, useSession } from './api/session.tsx';
import { NotAllowed } from './components/NotAllowed.tsx';
import { Layout } from './components/Layout.tsx';
import { asLocale, I18nProvider } from './i18n/i18n.tsx';
import { AssetFormPage } from './pages/AssetFormPage.tsx';
import { AssetPage } from './pages/AssetPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { AssetsPage } from './pages/AssetsPage.tsx';
import { ClientPage } from './pages/ClientPage.tsx';
import { ClientsPage } from './pages/ClientsPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { ProjectsPage } from './pages/ProjectsPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { IncidentPage } from './pages/IncidentPage.tsx';
import { IncidentsPage } from './pages/IncidentsPage.tsx';
import { MaintenancePage } from './pages/MaintenancePage.tsx';
import { MonitorsPage } from './pages/MonitorsPage.tsx';
import { MonitorNewPage } from './pages/monitors/MonitorNewPage.tsx';
import { StatusPagesPage } from './pages/StatusPagesPage.tsx';
import { PublicStatusPage } from './pages/status/PublicStatusPage.tsx';
import { RenewalsLayout } from './pages/renewals/RenewalsLayout.tsx';
import { TasksPage } from './pages/renewals/TasksPage.tsx';
import { TaskPage } from './pages/renewals/TaskPage.tsx';
import { CalendarPage } from './pages/renewals/CalendarPage.tsx';
import { WastePage } from './pages/renewals/WastePage.tsx';
import { InsightsPage } from './pages/renewals/InsightsPage.tsx';
import { PoliciesPage } from './pages/renewals/PoliciesPage.tsx';
import { DeskLayout } from './pages/desk/DeskLayout.tsx';
import { TicketsPage } from './pages/desk/TicketsPage.tsx';
import { NewTicketPage } from './pages/desk/NewTicketPage.tsx';
import { TicketPage } from './pages/desk/TicketPage.tsx';
import { SlaPage } from './pages/desk/SlaPage.tsx';
import { ReportsPage } from './pages/desk/ReportsPage.tsx';
import { ReportPage } from './pages/desk/ReportPage.tsx';
import { PlansPage } from './pages/desk/PlansPage.tsx';
import { PlanPage } from './pages/desk/PlanPage.tsx';
import { BusinessCalendarPage } from './pages/desk/BusinessCalendarPage.tsx';
import { canReadBilling, canWriteBilling } from './api/billing.ts';
import { BillingLayout } from './pages/billing/BillingLayout.tsx';
import { canManagePayments, canOverseeBilling } from './api/payments.ts';

// The monitor page carries the chart library: loaded when first opened.
const MonitorPage = lazy(() => import('./pages/monitors/MonitorPage.tsx').then((m) => ({ default: m.MonitorPage })));
// The notification settings are visited rarely: loaded when first opened.
const NotificationsPage = lazy(() => import('./pages/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));
const NotificationsAgencyPage = lazy(() => import('./pages/NotificationsAgencyPage.tsx').then((m) => ({ default: m.NotificationsAgencyPage })));
// Billing's pages serve a few people a few times a month: loaded when first opened (BillingLayout waits for them).
const InvoicesPage = lazy(() => import('./pages/billing/InvoicesPage.tsx').then((m) => ({ default: m.InvoicesPage })));
const NewInvoicePage = lazy(() => import('./pages/billing/NewInvoicePage.tsx').then((m) => ({ default: m.NewInvoicePage })));
const InvoicePage = lazy(() => import('./pages/billing/InvoicePage.tsx').then((m) => ({ default: m.InvoicePage })));
const PaymentMethodsPage = lazy(() => import('./pages/billing/payments/index.ts').then((m) => ({ default: m.PaymentMethodsPage })));
const ApprovalsPage = lazy(() => import('./pages/billing/payments/index.ts').then((m) => ({ default: m.ApprovalsPage })));
const DunningPage = lazy(() => import('./pages/billing/payments/index.ts').then((m) => ({ default: m.DunningPage })));
const BillingKpisPage = lazy(() => import('./pages/billing/payments/index.ts').then((m) => ({ default: m.BillingKpisPage })));
const PaymentSettingsPage = lazy(() => import('./pages/billing/payments/index.ts').then((m) => ({ default: m.PaymentSettingsPage })));

// The last language used on this device, so the sign-in page speaks it too.
const REMEMBERED = 'upkeep.locale';

function Pages() {
  const { user } = useSession();
  if (user) localStorage.setItem(REMEMBERED, user.locale);
  const locale = asLocale(user?.locale ?? localStorage.getItem(REMEMBERED) ?? navigator.language.slice(0, 2));
  return (
    <I18nProvider locale={locale}>
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/sign-in" element={user ? <Navigate to="/" replace /> : <SignInPage />} />
        {/* Public: anyone may see a published status page, signed in or not. */}
        <Route path="/status/:slug" element={<PublicStatusPage />} />
        <Route element={user ? <Layout /> : <Navigate to="/sign-in" replace />}>
          <Route index element={<DashboardPage />} />
          <Route path="assets" element={<AssetsPage />} />
          <Route path="assets/new" element={canWrite(user) ? <AssetFormPage /> : <NotAllowed />} />
          <Route path="assets/:id" element={<AssetPage />} />
          <Route path="settings" element={isStaff(user) ? <SettingsPage /> : <NotAllowed />} />
          <Route path="notifications" element={isStaff(user) ? <Suspense fallback={<p className="loading">…</p>}><NotificationsPage /></Suspense> : <NotAllowed />} />
          <Route path="notifications/agency/:tab?" element={isStaff(user) ? <Suspense fallback={<p className="loading">…</p>}><NotificationsAgencyPage /></Suspense> : <NotAllowed />} />
          <Route path="clients" element={isStaff(user) ? <ClientsPage /> : <NotAllowed />} />
          <Route path="clients/:id" element={isStaff(user) ? <ClientPage /> : <NotAllowed />} />
          <Route path="projects" element={isStaff(user) ? <ProjectsPage /> : <NotAllowed />} />
          <Route path="monitors" element={<MonitorsPage />} />
          <Route path="monitors/new" element={canWrite(user) ? <MonitorNewPage /> : <NotAllowed />} />
          <Route path="monitors/:id" element={<Suspense fallback={<p className="loading">…</p>}><MonitorPage /></Suspense>} />
          <Route path="incidents" element={<IncidentsPage />} />
          <Route path="incidents/:id" element={<IncidentPage />} />
          <Route path="maintenance" element={isStaff(user) ? <MaintenancePage /> : <NotAllowed />} />
          <Route path="status-pages" element={<StatusPagesPage />} />
          <Route path="renewals" element={isStaff(user) ? <RenewalsLayout /> : <NotAllowed />}>
            <Route index element={<Navigate to="/renewals/tasks" replace />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="tasks/:id" element={<TaskPage />} />
            <Route path="calendar" element={<CalendarPage />} />
            <Route path="waste" element={<WastePage />} />
            <Route path="insights" element={<InsightsPage />} />
            <Route path="policies" element={<PoliciesPage />} />
          </Route>
          {/* The support desk: staff and client-portal users alike (the API narrows a client to its own). */}
          <Route path="desk" element={<DeskLayout />}>
            <Route index element={<Navigate to="/desk/tickets" replace />} />
            <Route path="tickets" element={<TicketsPage />} />
            <Route path="tickets/new" element={user?.role === 'viewer' ? <NotAllowed /> : <NewTicketPage />} />
            <Route path="tickets/:id" element={<TicketPage />} />
            <Route path="sla" element={<SlaPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="reports/:clientId/:month" element={<ReportPage />} />
            <Route path="plans" element={canManageDesk(user) ? <PlansPage /> : <NotAllowed />} />
            <Route path="plans/:id" element={canManageDesk(user) ? <PlanPage /> : <NotAllowed />} />
            <Route path="calendars/:id" element={canManageDesk(user) ? <BusinessCalendarPage /> : <NotAllowed />} />
          </Route>
          {/* Billing: staff with billing:read and client-portal users (the API narrows a client to its own issued invoices).
              A new tab is a route here plus its entry in BILLING_TABS (pages/billing/BillingLayout.tsx). */}
          <Route path="billing" element={canReadBilling(user) ? <BillingLayout /> : <NotAllowed />}>
            <Route index element={<Navigate to="/billing/invoices" replace />} />
            <Route path="invoices" element={<InvoicesPage />} />
            <Route path="invoices/new" element={canWriteBilling(user) ? <NewInvoicePage /> : <NotAllowed />} />
            <Route path="invoices/:id" element={<InvoicePage />} />
            <Route path="methods" element={<PaymentMethodsPage />} />
            <Route path="approvals" element={canOverseeBilling(user) ? <ApprovalsPage /> : <NotAllowed />} />
            <Route path="dunning" element={canOverseeBilling(user) ? <DunningPage /> : <NotAllowed />} />
            <Route path="kpis" element={canOverseeBilling(user) ? <BillingKpisPage /> : <NotAllowed />} />
            <Route path="settings" element={canManagePayments(user) ? <PaymentSettingsPage /> : <NotAllowed />} />
          </Route>
          <Route path="import" element={canWrite(user) ? <ImportPage /> : <NotAllowed />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </I18nProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider fallback={<p className="loading">…</p>}>
        <Pages />
      </SessionProvider>
    </BrowserRouter>
  );
}
