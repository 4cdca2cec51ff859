import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useClient, useProject, useProvider, useUser } from './api.ts';

/** How a field of an audited asset record is named and shown in the history. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'assets.name',
  identifier: 'assets.identifier',
  kind: 'assets.kind',
  status: 'assets.status',
  expiresOn: 'assets.expiresOn',
  billingCycle: 'assets.billingCycle',
  cycleMonths: 'asset.field.cycleMonths',
  currency: 'assets.currency',
  costAmount: 'asset.cost',
  renewalAmount: 'assets.renewalPrice',
  autoRenew: 'assets.autoRenew',
  ownerId: 'asset.owner',
  clientId: 'assets.client',
  providerId: 'asset.provider',
  projectIds: 'asset.projects',
  tags: 'asset.tags',
  notes: 'asset.notes',
  customFields: 'asset.customFields',
  secretNames: 'asset.secrets',
  secretsSet: 'asset.field.secretsSet',
  secret: 'asset.field.secret',
  createdAt: 'asset.recorded',
  updatedAt: 'asset.changed',
  retiredAt: 'asset.retiredOn',
};

export function useFieldLabel() {
  const { t } = useI18n();
  return (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);
}

const LONGEST = 80;
const clip = (text: string) => (text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text);

/** One value of a recorded change, in the reader's words: money, dates and names rather than raw ids. */
export function HistoryValue({ field, value, currency }: { field: string; value: unknown; currency: string }) {
  const { t, date, money, number } = useI18n();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <>{t('common.none')}</>;
  if (typeof value === 'string') {
    if (field === 'ownerId') return <UserName id={value} />;
    if (field === 'clientId') return <ClientName id={value} />;
    if (field === 'providerId') return <ProviderName id={value} />;
    if (field === 'status') return <>{t(`status.${value}` as MessageKey)}</>;
    if (field === 'kind') return <>{t(`kind.${value}` as MessageKey)}</>;
    if (field === 'billingCycle') return <>{t(`cycle.${value}` as MessageKey)}</>;
    if (field === 'expiresOn' || field.endsWith('At')) return <>{date(value)}</>;
    return <span title={value.length > LONGEST ? value : undefined}>{clip(value)}</span>;
  }
  if (typeof value === 'number') return <>{field.endsWith('Amount') ? money(value, currency) : number(value)}</>;
  if (typeof value === 'boolean') return <>{value ? t('asset.yes') : t('asset.no')}</>;
  if (Array.isArray(value)) {
    if (field === 'projectIds') return <>{value.map((id, i) => <span key={String(id)}>{i > 0 && ', '}<ProjectName id={String(id)} /></span>)}</>;
    return <>{clip(value.map(String).join(', '))}</>;
  }
  return <>{clip(Object.entries(value as object).map(([k, v]) => `${k}: ${v === null ? t('common.none') : String(v)}`).join(', ')) || t('common.none')}</>;
}

// The history is shown to owners and admins, who may look every one of these up.
export function UserName({ id }: { id: string }) {
  const user = useUser(id, true);
  return <>{user.data?.name ?? id}</>;
}

function ClientName({ id }: { id: string }) {
  return <>{useClient(id).data?.name ?? id}</>;
}

function ProviderName({ id }: { id: string }) {
  return <>{useProvider(id).data?.name ?? id}</>;
}

function ProjectName({ id }: { id: string }) {
  return <>{useProject(id).data?.name ?? id}</>;
}
