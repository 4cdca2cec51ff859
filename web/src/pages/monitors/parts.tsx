import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { isStaff, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shownState, type MonitorView } from './api.ts';

/** Up, down, pending or paused, with a marker when the monitor keeps changing its mind. */
export function StateBadge({ monitor }: { monitor: Pick<MonitorView, 'state' | 'paused' | 'flapping'> }) {
  const { t } = useI18n();
  const state = shownState(monitor);
  return (
    <span className="monitor-state">
      <span className={`badge badge-monitor-${state}`}>{t(`monitors.state.${state}`)}</span>
      {monitor.flapping && !monitor.paused && <span className="badge badge-flapping" title={t('monitors.flappingHint')}>{t('monitors.flapping')}</span>}
    </span>
  );
}

/** The monitoring section's own tabs: monitors, maintenance windows, status pages. */
export function MonitoringTabs() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <nav className="monitoring-tabs" aria-label={t('monitors.section')}>
      <NavLink to="/monitors" end>{t('nav.monitors')}</NavLink>
      {isStaff(user) && <NavLink to="/maintenance">{t('maintenance.title')}</NavLink>}
      <NavLink to="/status-pages">{t('statusPages.title')}</NavLink>
    </nav>
  );
}

/** One term and its value in a list of facts. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="asset-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
