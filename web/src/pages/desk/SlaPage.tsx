import { useClients } from '../../api/clients.ts';
import { ApiError } from '../../api/client.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { useUrlFilters } from '../../api/url-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SEVERITIES, useClientSla, type ClientSla } from './api.ts';
import { SeverityBadge } from './tickets/parts.tsx';
import { useSeverityTerms } from './tickets/SeverityTerms.tsx';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A client's SLA as the client reads it: a portal user's own, or for staff the client they pick. */
export function SlaPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const { filters, setFilter } = useUrlFilters(['clientId'] as const);
  const clients = useClients();
  const clientId = staff ? filters.clientId : user?.clientId;
  const sla = useClientSla(clientId);
  return (
    <section className="desk-sla">
      <h1>{t('desk.sla.title')}</h1>
      {staff && (
        <div className="filters">
          <label>{t('desk.client')}
            <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
              <option value="">{t('desk.new.chooseClient')}</option>
              {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        </div>
      )}
      {!clientId && <p className="empty">{t('desk.sla.pick')}</p>}
      {sla.isError && <p className="alert" role="alert">{sla.error instanceof ApiError && sla.error.status === 404 ? sla.error.message : String(sla.error)}</p>}
      {sla.data && <SlaView sla={sla.data} />}
    </section>
  );
}

function SlaView({ sla }: { sla: ClientSla }) {
  const { t } = useI18n();
  const terms = useSeverityTerms();
  return (
    <>
      <p className="muted">{t('desk.sla.plan', { name: sla.name, client: sla.clientName })}</p>
      <div className="desk-scope">
        <div className="card"><h2>{t('desk.sla.included')}</h2><p className="desk-prose">{sla.scope.included || t('common.none')}</p></div>
        <div className="card"><h2>{t('desk.sla.excluded')}</h2><p className="desk-prose">{sla.scope.excluded || t('common.none')}</p></div>
      </div>
      <h2>{t('desk.sla.targets')}</h2>
      <div className="table-wrap">
        <table aria-label={t('desk.sla.targets')}>
          <thead>
            <tr><th scope="col">{t('desk.severity')}</th><th scope="col">{t('desk.firstResponse')}</th><th scope="col">{t('desk.resolution')}</th><th scope="col">{t('desk.sla.measured')}</th></tr>
          </thead>
          <tbody>
            {SEVERITIES.map((s) => {
              const words = terms(sla, s);
              return <tr key={s}><td><SeverityBadge severity={s} /></td><td>{words.firstResponse}</td><td>{words.resolution}</td><td>{words.measure}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <SupportHours sla={sla} />
      <h2>{t('desk.sla.channels')}</h2>
      <p>{sla.channels.map((c) => t(`desk.channel.${c}`)).join(' · ') || t('common.none')}</p>
      <Guarantee sla={sla} />
    </>
  );
}

function SupportHours({ sla }: { sla: ClientSla }) {
  const { t } = useI18n();
  const hours = sla.supportHours;
  return (
    <>
      <h2>{t('desk.sla.hours')}</h2>
      <p className="muted">{t('desk.sla.timeZone', { zone: hours.timeZone })}{hours.publicHolidays && ` · ${t('desk.sla.holidays', { country: hours.publicHolidays.country + (hours.publicHolidays.region ? `-${hours.publicHolidays.region}` : '') })}`}</p>
      <dl className="desk-week">
        {WEEKDAYS.map((d) => (
          <div key={d}>
            <dt>{t(`desk.day.${d}`)}</dt>
            <dd>{(hours.week[d] ?? []).length === 0 ? <span className="muted">{t('desk.sla.closed')}</span> : hours.week[d]!.map((w) => `${w.start}–${w.end}`).join(', ')}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Guarantee({ sla }: { sla: ClientSla }) {
  const { t, number } = useI18n();
  const g = sla.uptimeGuarantee;
  return (
    <>
      <h2>{t('desk.sla.uptime')}</h2>
      {!g && <p className="muted">{t('desk.sla.noUptime')}</p>}
      {g && (
        <>
          <p data-testid="sla-uptime">{t('desk.sla.uptimeLine', { percent: number(g.percent) })} {t('desk.sla.downtime', { time: g.allowedDowntimePer30Days.text })}</p>
          {g.creditTiers.length > 0 && (
            <div className="table-wrap desk-tiers">
              <table aria-label={t('desk.sla.credits')}>
                <thead><tr><th scope="col">{t('desk.sla.uptimeBelow')}</th><th scope="col">{t('desk.sla.credit')}</th></tr></thead>
                <tbody>
                  {g.creditTiers.map((tier) => (
                    <tr key={tier.belowPercent}><td>{t('desk.sla.below', { percent: number(tier.belowPercent) })}</td><td>{t('desk.sla.creditOfFee', { percent: number(tier.creditPercent) })}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
