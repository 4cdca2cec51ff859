import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { Asset, Money } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useClient, useProject, useProvider, useUser } from './api.ts';

/** The asset's facts as a list of terms: dates, money, who looks after it and where it belongs. */
export function AssetDetails({ asset: a }: { asset: Asset }) {
  const { t, date } = useI18n();
  const price = useMoney();
  return (
    <section className="card asset-section" aria-labelledby="asset-details">
      <h2 id="asset-details">{t('asset.details')}</h2>
      <dl className="asset-facts">
        <Fact label={t('assets.expiresOn')}>
          {date(a.expiresOn)} {a.status !== 'retired' && a.status !== 'cancelled' && <RenewalDistance days={a.daysUntilRenewal} />}
        </Fact>
        <Fact label={t('assets.status')}>
          <span className={`badge badge-${a.status}`}>{t(`status.${a.status}`)}</span>
          {a.storedStatus !== a.status && <span className="muted block">{t('asset.storedStatus', { status: t(`status.${a.storedStatus}`) })}</span>}
        </Fact>
        <Fact label={t('assets.renewalPrice')}>{price(a.renewalPrice)}</Fact>
        <Fact label={t('asset.cost')}>{price(a.cost)}</Fact>
        <Fact label={t('assets.yearlyCost')}>{price(a.yearlyCost.amount ? a.yearlyCost : null)}</Fact>
        <Fact label={t('assets.billingCycle')}>
          {t(`cycle.${a.billingCycle}`)}
          {a.billingCycle === 'multi-year' && a.cycleMonths !== null && <> · {t('asset.cycleMonths', { count: a.cycleMonths })}</>}
        </Fact>
        <Fact label={t('assets.autoRenew')}>{a.autoRenew ? t('asset.yes') : t('asset.no')}</Fact>
        <Fact label={t('assets.kind')}>{t(`kind.${a.kind}`)}</Fact>
        <Fact label={t('assets.identifier')}><span className="asset-identifier">{a.identifier}</span></Fact>
        <OwnerFact ownerId={a.ownerId} />
        <Fact label={t('assets.client')}><ClientLink id={a.clientId} /></Fact>
        <Fact label={t('asset.provider')}><ProviderName id={a.providerId} /></Fact>
        <Fact label={t('asset.projects')}>
          {a.projectIds.length === 0 ? t('common.none') : (
            <ul className="asset-inline-list">{a.projectIds.map((p) => <li key={p}><ProjectName id={p} /></li>)}</ul>
          )}
        </Fact>
        <Fact label={t('asset.tags')}>
          {a.tags.length === 0 ? t('common.none') : (
            <ul className="asset-tags">{a.tags.map((tag) => <li key={tag}><Link className="badge" to={`/assets?q=${encodeURIComponent(tag)}`}>{tag}</Link></li>)}</ul>
          )}
        </Fact>
        <Fact label={t('asset.recorded')}>{date(a.createdAt)}</Fact>
        <Fact label={t('asset.changed')}>{date(a.updatedAt)}</Fact>
        {a.retiredAt && <Fact label={t('asset.retiredOn')}>{date(a.retiredAt)}</Fact>}
      </dl>
    </section>
  );
}

export function AssetNotes({ notes }: { notes: string }) {
  const { t } = useI18n();
  if (!notes.trim()) return null;
  return (
    <section className="card asset-section" aria-labelledby="asset-notes">
      <h2 id="asset-notes">{t('asset.notes')}</h2>
      <p className="asset-notes">{notes}</p>
    </section>
  );
}

export function CustomFields({ fields }: { fields: Asset['customFields'] }) {
  const { t } = useI18n();
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  const shown = (value: Asset['customFields'][string]) =>
    value === null || value === '' ? t('common.none') : typeof value === 'boolean' ? (value ? t('asset.yes') : t('asset.no')) : String(value);
  return (
    <section className="card asset-section" aria-labelledby="asset-custom">
      <h2 id="asset-custom">{t('asset.customFields')}</h2>
      <dl className="asset-facts">
        {entries.map(([key, value]) => <Fact key={key} label={key}>{shown(value)}</Fact>)}
      </dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="asset-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function useMoney() {
  const { t, money } = useI18n();
  return (value: Money | null) => (value === null ? t('common.none') : money(value.amount, value.currency));
}

/** "in 12 days", "today", "3 days ago": how near the date is, in words. */
export function RenewalDistance({ days }: { days: number | null }) {
  const { t } = useI18n();
  if (days === null) return null;
  const words = days === 0 ? t('asset.renewsToday') : days > 0 ? t('asset.renewsIn', { count: days }) : t('asset.renewedAgo', { count: -days });
  return <span className={days < 0 ? 'asset-distance asset-overdue' : 'asset-distance'}>({words})</span>;
}

/** The owner's name where the reader may look users up; their own name; else the id, quietly. */
function OwnerFact({ ownerId }: { ownerId: string | null }) {
  const { t } = useI18n();
  const { user } = useSession();
  const mayLookUp = user?.role === 'owner' || user?.role === 'admin';
  const owner = useUser(ownerId, mayLookUp && ownerId !== user?.id);
  if (user?.role === 'client') return null;
  let shown: ReactNode = t('asset.noOwner');
  if (ownerId === user?.id) shown = user.name;
  else if (owner.data) shown = owner.data.name;
  else if (ownerId) shown = <span className="muted asset-id" title={t('asset.ownerId')}>{ownerId}</span>;
  return <Fact label={t('asset.owner')}>{shown}</Fact>;
}

function ClientLink({ id }: { id: string }) {
  const { user } = useSession();
  const client = useClient(id);
  const name = client.data?.name ?? id;
  // Portal users have no client pages; they see the name only.
  return user?.role === 'client' ? <>{name}</> : <Link to={`/clients/${id}`}>{name}</Link>;
}

function ProviderName({ id }: { id: string | null }) {
  const { t } = useI18n();
  const provider = useProvider(id);
  if (id === null) return <>{t('common.none')}</>;
  const p = provider.data;
  if (!p) return <span className="muted asset-id">{id}</span>;
  return (
    <>
      {p.website ? <a href={p.website} rel="noreferrer">{p.name}</a> : p.name}
      {p.accountReference && <span className="muted block">{t('asset.account', { reference: p.accountReference })}</span>}
    </>
  );
}

function ProjectName({ id }: { id: string }) {
  const { user } = useSession();
  const project = useProject(id);
  const name = project.data?.name ?? id;
  return user?.role === 'client' ? <>{name}</> : <Link to={`/assets?projectId=${id}`}>{name}</Link>;
}
