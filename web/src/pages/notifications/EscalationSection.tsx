import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n.tsx';
import { Cell, ProblemAlert } from '../settings/parts.tsx';
import { deletePolicy, KEYS, listPolicies, type EscalationPolicy } from './api.ts';
import { SectionHead, useChannelGroups } from './parts.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { describeTarget, useStaff } from './targets.tsx';

/** Escalation policies: who is told next, and when, while nobody has acknowledged a problem. */
export function EscalationSection() {
  const { t } = useI18n();
  const policies = useQuery({ queryKey: KEYS.policies, queryFn: listPolicies });
  const rows = policies.data?.items ?? [];
  return (
    <section className="settings-section" aria-labelledby="policies-heading">
      <SectionHead id="policies-heading" title={t('notif.policies.title')} intro={t('notif.policies.intro')} />
      <ProblemAlert error={policies.error} />
      {policies.isPending && <p className="loading">{t('common.loading')}</p>}
      {policies.isSuccess && rows.length === 0 && <p className="empty">{t('notif.policies.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('notif.policies.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notif.policies.name')}</th>
                <th scope="col">{t('notif.policies.steps')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => <PolicyRow key={p.id} policy={p} />)}
            </tbody>
          </table>
        </div>
      )}
      <PolicyForm />
    </section>
  );
}

function PolicyRow({ policy }: { policy: EscalationPolicy }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const users = useStaff();
  const { all: channels } = useChannelGroups();
  const remove = useMutation({ mutationFn: () => deletePolicy(policy.id), onSuccess: () => queries.invalidateQueries({ queryKey: KEYS.policies }) });
  return (
    <tr>
      <Cell label={t('notif.policies.name')}><span className="strong">{policy.name}</span></Cell>
      <Cell label={t('notif.policies.steps')}>
        <ol className="notif-step-list">
          {policy.steps.map((s, i) => (
            <li key={i}>
              <span className="notif-nowrap">{s.afterMinutes === 0 ? t('notif.policies.atOnce') : t('notif.policies.afterMinutes', { count: s.afterMinutes })}</span>
              {' → '}
              {s.targets.map((target) => describeTarget(t, target, users, channels)).join(', ')}
            </li>
          ))}
        </ol>
      </Cell>
      <Cell label={t('settings.actions')} className="settings-actions">
        <button type="button" className="secondary" disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={t('notif.deleteNamed', { name: policy.name })}>
          {t('notif.delete')}
        </button>
        {/* A policy a rule still uses cannot go: the server says which (409). */}
        <ProblemAlert error={remove.error} />
      </Cell>
    </tr>
  );
}
