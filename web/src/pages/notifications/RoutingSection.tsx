import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClients } from '../../api/clients.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Cell, ProblemAlert } from '../settings/parts.tsx';
import { deleteRule, KEYS, listPolicies, listRules, setRuleEnabled, type EscalationPolicy, type RoutingRule } from './api.ts';
import { eventName, SectionHead, useChannelGroups } from './parts.tsx';
import { RoutingPreview } from './RoutingPreview.tsx';
import { RuleForm } from './RuleForm.tsx';
import { describeTarget, useStaff } from './targets.tsx';

/** Routing rules: which events go to whom. With no rule matching, the default routing applies. */
export function RoutingSection() {
  const { t } = useI18n();
  const rules = useQuery({ queryKey: KEYS.rules, queryFn: listRules });
  const policies = useQuery({ queryKey: KEYS.policies, queryFn: listPolicies });
  const rows = rules.data?.items ?? [];
  const policyList = policies.data?.items ?? [];
  return (
    <section className="settings-section" aria-labelledby="rules-heading">
      <SectionHead id="rules-heading" title={t('notif.rules.title')} intro={t('notif.rules.intro')} />
      <ProblemAlert error={rules.error} />
      {rules.isPending && <p className="loading">{t('common.loading')}</p>}
      {rules.isSuccess && rows.length === 0 && <p className="empty">{t('notif.rules.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('notif.rules.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notif.rules.name')}</th>
                <th scope="col">{t('notif.rules.matches')}</th>
                <th scope="col">{t('notif.rules.sendsTo')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => <RuleRow key={r.id} rule={r} policies={policyList} />)}
            </tbody>
          </table>
        </div>
      )}
      <RuleForm policies={policyList} />
      <RoutingPreview rules={rows} policies={policyList} />
    </section>
  );
}

function RuleRow({ rule, policies }: { rule: RoutingRule; policies: EscalationPolicy[] }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const users = useStaff();
  const { all: channels } = useChannelGroups();
  const clients = useClients();
  const refresh = () => queries.invalidateQueries({ queryKey: KEYS.rules });
  const toggle = useMutation({ mutationFn: () => setRuleEnabled(rule.id, !rule.enabled), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteRule(rule.id), onSuccess: refresh });
  const client = rule.clientId ? (clients.data?.items.find((c) => c.id === rule.clientId)?.name ?? rule.clientId) : null;
  const policy = rule.escalationPolicyId ? (policies.find((p) => p.id === rule.escalationPolicyId)?.name ?? rule.escalationPolicyId) : null;
  const named = { name: rule.name };
  return (
    <tr className={rule.enabled ? undefined : 'settings-inactive'}>
      <Cell label={t('notif.rules.name')}>
        <span className="strong">{rule.name}</span>
        {!rule.enabled && <span className="muted block">{t('notif.rules.disabled')}</span>}
      </Cell>
      <Cell label={t('notif.rules.matches')}>
        <ul className="notif-plain">
          <li>{rule.eventTypes.length === 0 ? t('notif.rules.allEvents') : rule.eventTypes.map((e) => eventName(t, e)).join(', ')}</li>
          {rule.minSeverity && <li>{t('notif.rules.atLeast', { severity: t(`notif.severity.${rule.minSeverity}`) })}</li>}
          {client && <li>{t('notif.rules.ofClient', { name: client })}{rule.projectId ? ` · ${t('notif.rules.oneProject')}` : ''}</li>}
        </ul>
      </Cell>
      <Cell label={t('notif.rules.sendsTo')}>
        <ul className="notif-plain">
          {rule.targets.map((target, i) => <li key={i}>{describeTarget(t, target, users, channels)}</li>)}
          {policy && <li>{t('notif.rules.escalatesWith', { name: policy })}</li>}
        </ul>
      </Cell>
      <Cell label={t('settings.actions')} className="settings-actions">
        <div className="notif-row-actions">
          <button type="button" className="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}
            aria-label={t(rule.enabled ? 'notif.rules.disableNamed' : 'notif.rules.enableNamed', named)}>
            {t(rule.enabled ? 'notif.rules.disable' : 'notif.rules.enable')}
          </button>
          <button type="button" className="secondary" disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={t('notif.deleteNamed', named)}>
            {t('notif.delete')}
          </button>
        </div>
        <ProblemAlert error={toggle.error ?? remove.error} />
      </Cell>
    </tr>
  );
}
