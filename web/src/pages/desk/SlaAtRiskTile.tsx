import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTicketSummary } from './api.ts';

/** Open tickets past 75 % of a target or past it; an alarm as soon as one is breached. A client sees its own. */
export function SlaAtRiskTile() {
  const { t, number } = useI18n();
  const summary = useTicketSummary();
  const s = summary.data;
  return (
    <Link className={s && s.breached > 0 ? 'tile tile-alarm' : 'tile'} to="/desk/tickets?breached=true" data-testid="tile-sla">
      <span className="tile-label">{t('dashboard.sla')}</span>
      <span className="tile-number">{s ? number(s.atRisk + s.breached) : '—'}</span>
      {s && <span className="tile-detail">{t('desk.tile.detail', { atRisk: s.atRisk, breached: s.breached })}</span>}
      {s && <span className="tile-detail">{t('desk.tile.open', { count: s.open })}</span>}
    </Link>
  );
}
