import { useI18n } from '../../../i18n/i18n.tsx';
import type { ClientTotal, Money, WasteReport } from './api.ts';

/** Potential yearly saving: overall, then one tile per client. */
export function SavingTiles({ report }: { report: WasteReport }) {
  const { t } = useI18n();
  return (
    <div className="tiles waste-tiles" role="group" aria-label={t('waste.savings')}>
      <div className="tile">
        <span className="tile-label">{t('waste.overall')}</span>
        <Amounts totals={report.overall.totals} />
        <span className="tile-detail">{t('waste.itemCount', { count: report.overall.items })}</span>
      </div>
      {report.byClient.map((client) => <ClientTile key={client.clientId} client={client} />)}
    </div>
  );
}

function ClientTile({ client }: { client: ClientTotal }) {
  const { t } = useI18n();
  return (
    <div className="tile" aria-label={client.clientName}>
      <span className="tile-label">{client.clientName}</span>
      <Amounts totals={client.totals} />
      <span className="tile-detail">
        {t('waste.itemCount', { count: client.items })}
        {client.unpriced > 0 && ` · ${t('waste.unpriced', { count: client.unpriced })}`}
      </span>
    </div>
  );
}

function Amounts({ totals }: { totals: Money[] }) {
  const { money } = useI18n();
  if (totals.length === 0) return <span className="tile-number">—</span>;
  return (
    <span className="tile-number waste-amounts">
      {totals.map((m) => <span key={m.currency}>{money(m.amount, m.currency)}</span>)}
    </span>
  );
}
