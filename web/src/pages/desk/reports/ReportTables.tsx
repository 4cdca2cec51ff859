import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useInstant } from '../tickets/clock.tsx';
import { SeverityBadge } from '../tickets/parts.tsx';
import { SEVERITIES } from '../api.ts';
import type { MonthlyReport, SeverityStats, SiteUptime } from './api.ts';
import { useDuration, usePercent } from './format.ts';
import { GuaranteeBadge } from './parts.tsx';

/** Per site: uptime, downtime and maintenance in the month, and whether it met the guarantee. */
export function SiteTable({ sites, guaranteed }: { sites: SiteUptime[]; guaranteed: boolean }) {
  const { t } = useI18n();
  const percent = usePercent();
  const duration = useDuration();
  if (sites.length === 0) return <p className="empty">{t('desk.report.noSites')}</p>;
  return (
    <div className="table-wrap">
      <table aria-label={t('desk.report.sites')}>
        <thead>
          <tr>
            <th scope="col">{t('desk.report.site')}</th>
            <th scope="col" className="num">{t('desk.report.uptime')}</th>
            <th scope="col" className="num">{t('desk.report.downtime')}</th>
            <th scope="col" className="num">{t('desk.report.maintenance')}</th>
            <th scope="col">{t('desk.report.guarantee')}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.monitorId}>
              <td><span className="strong">{s.name}</span><span className="block muted">{s.target}</span></td>
              <td className="num">{percent(s.uptimePercent)}</td>
              <td className="num">{duration(s.downtimeSeconds)}</td>
              <td className="num">{s.maintenanceSeconds > 0 ? duration(s.maintenanceSeconds) : '—'}</td>
              <td><GuaranteeBadge met={s.meetsGuarantee} monitored={s.uptimePercent !== null} guaranteed={guaranteed} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One severity's line: tickets, share within each target (met of counted), median times. */
function TicketLine({ label, stats }: { label: ReactNode; stats: SeverityStats }) {
  const { t, number } = useI18n();
  const percent = usePercent();
  const duration = useDuration();
  const minutes = (m: number | null) => (m === null ? '—' : duration(m * 60));
  const share = (s: SeverityStats['firstResponse']) => (
    <>{percent(s.percentMet)}{s.counted > 0 && <span className="block muted">{t('desk.report.ofCounted', { met: number(s.met), counted: number(s.counted) })}</span>}</>
  );
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{number(stats.tickets)}</td>
      <td className="num">{share(stats.firstResponse)}</td>
      <td className="num">{minutes(stats.medianMinutesToFirstResponse)}</td>
      <td className="num">{share(stats.resolution)}</td>
      <td className="num">{minutes(stats.medianMinutesToResolve)}</td>
    </tr>
  );
}

export function TicketTable({ tickets }: { tickets: MonthlyReport['tickets'] }) {
  const { t } = useI18n();
  if (tickets.all.tickets === 0) return <p className="empty">{t('desk.report.card.noTickets')}</p>;
  return (
    <div className="table-wrap">
      <table aria-label={t('desk.report.tickets')} className="desk-report-tickets">
        <thead>
          <tr>
            <th scope="col">{t('desk.severity')}</th>
            <th scope="col" className="num">{t('desk.report.ticketCount')}</th>
            <th scope="col" className="num">{t('desk.report.withinResponse')}</th>
            <th scope="col" className="num">{t('desk.report.medianResponse')}</th>
            <th scope="col" className="num">{t('desk.report.withinResolution')}</th>
            <th scope="col" className="num">{t('desk.report.medianResolution')}</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => <TicketLine key={s} label={<SeverityBadge severity={s} />} stats={tickets.bySeverity[s]} />)}
        </tbody>
        <tfoot>
          <TicketLine label={t('desk.report.all')} stats={tickets.all} />
        </tfoot>
      </table>
    </div>
  );
}

/** The month's incidents: when, how long within the month, why, and the ticket opened for it. */
export function IncidentTable({ incidents }: { incidents: MonthlyReport['incidents'] }) {
  const { t } = useI18n();
  const instant = useInstant();
  const duration = useDuration();
  if (incidents.length === 0) return <p className="empty">{t('desk.report.noIncidents')}</p>;
  return (
    <div className="table-wrap">
      <table aria-label={t('desk.report.incidents')}>
        <thead>
          <tr>
            <th scope="col">{t('desk.report.site')}</th>
            <th scope="col">{t('desk.report.started')}</th>
            <th scope="col">{t('desk.report.resolved')}</th>
            <th scope="col" className="num">{t('desk.report.duration')}</th>
            <th scope="col">{t('desk.report.cause')}</th>
            <th scope="col">{t('desk.ticket')}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <td className="strong">{i.monitorName}</td>
              <td>{instant(i.startedAt)}</td>
              <td>{i.resolvedAt ? instant(i.resolvedAt) : <span className="badge badge-incident-open">{t('desk.report.ongoing')}</span>}</td>
              <td className="num">{duration(i.durationSeconds)}</td>
              <td>{i.cause || '—'}</td>
              <td>{i.ticketId ? <Link to={`/desk/tickets/${i.ticketId}`}>{t('desk.report.openTicket')}</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
