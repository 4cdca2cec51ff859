import { useI18n } from '../../../i18n/i18n.tsx';
import type { MonthlyReport } from './api.ts';
import { useDuration, usePercent } from './format.ts';
import { guaranteeMet, GuaranteeBadge, MoneyText } from './parts.tsx';

/** The month in four figures: uptime against the guarantee, downtime against what it allows, the credit owed, the tickets. */
export function SummaryCards({ report }: { report: MonthlyReport }) {
  return (
    <div className="desk-report-cards">
      <UptimeCard report={report} />
      <DowntimeCard report={report} />
      <CreditCard report={report} />
      <TicketsCard report={report} />
    </div>
  );
}

function UptimeCard({ report }: { report: MonthlyReport }) {
  const { t } = useI18n();
  const percent = usePercent();
  const guarantee = report.plan.guaranteePercent;
  const met = guaranteeMet(report.uptime.overallPercent, guarantee);
  return (
    <div className={`tile desk-report-card${met === false ? ' tile-alarm' : ''}`} data-testid="report-uptime">
      <span className="tile-label">{t('desk.report.card.uptime')}</span>
      <span className="tile-number">{percent(report.uptime.overallPercent)}</span>
      <span className="tile-detail">
        <GuaranteeBadge met={met} monitored={report.uptime.overallPercent !== null} guaranteed={guarantee !== null} />{' '}
        {guarantee === null ? t('desk.report.card.noGuarantee') : t('desk.report.card.guarantee', { percent: percent(guarantee) })}
      </span>
    </div>
  );
}

function DowntimeCard({ report }: { report: MonthlyReport }) {
  const { t } = useI18n();
  const duration = useDuration();
  const allowed = report.allowedDowntimeSeconds;
  const over = allowed !== null && report.uptime.downtimeSeconds > allowed;
  return (
    <div className={`tile desk-report-card${over ? ' tile-alarm' : ''}`} data-testid="report-downtime">
      <span className="tile-label">{t('desk.report.card.downtime')}</span>
      <span className="tile-number">{duration(report.uptime.downtimeSeconds)}</span>
      <span className="tile-detail">{allowed === null ? t('desk.report.card.noAllowance') : t('desk.report.card.allowed', { time: duration(allowed) })}</span>
    </div>
  );
}

function CreditCard({ report }: { report: MonthlyReport }) {
  const { t, number } = useI18n();
  const credit = report.credit;
  const detail = credit === null
    ? t('desk.report.card.noCreditTerms')
    : credit.tier === null
      ? t('desk.report.card.noCredit')
      : t('desk.report.card.creditTier', { below: number(credit.tier.belowPercent), credit: number(credit.tier.creditPercent) });
  return (
    <div className={`tile desk-report-card${credit && credit.amount.amount > 0 ? ' desk-report-owed' : ''}`} data-testid="report-credit">
      <span className="tile-label">{t('desk.report.card.credit')}</span>
      <span className="tile-number"><MoneyText money={credit?.amount ?? null} /></span>
      <span className="tile-detail">{detail}</span>
    </div>
  );
}

function TicketsCard({ report }: { report: MonthlyReport }) {
  const { t, number } = useI18n();
  const percent = usePercent();
  const all = report.tickets.all;
  return (
    <div className="tile desk-report-card" data-testid="report-tickets">
      <span className="tile-label">{t('desk.report.card.tickets')}</span>
      <span className="tile-number">{number(all.tickets)}</span>
      <span className="tile-detail">
        {all.tickets === 0
          ? t('desk.report.card.noTickets')
          : t('desk.report.card.within', { response: percent(all.firstResponse.percentMet), resolution: percent(all.resolution.percentMet) })}
      </span>
    </div>
  );
}
