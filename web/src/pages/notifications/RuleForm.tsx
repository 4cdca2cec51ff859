import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Page } from '../../api/client.ts';
import { useClients } from '../../api/clients.ts';
import type { Project } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../settings/api.ts';
import { ProblemAlert } from '../settings/parts.tsx';
import { createRule, EVENT_TYPES, KEYS, SEVERITIES, type EscalationPolicy, type Severity, type Target } from './api.ts';
import { TargetsEditor } from './targets.tsx';

const SHOWN = ['name', 'eventTypes', 'minSeverity', 'clientId', 'projectId', 'targets', 'escalationPolicyId'];

/** A new routing rule: which events (types, at least a severity, of a client or project) go to whom or to an escalation policy. */
export function RuleForm({ policies }: { policies: EscalationPolicy[] }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const clients = useClients();
  const [clientId, setClientId] = useState('');
  const projects = useQuery({
    queryKey: ['projects', 'of', clientId],
    queryFn: () => api<Page<Project>>('GET', `/projects?clientId=${encodeURIComponent(clientId)}&limit=200`),
    enabled: clientId !== '',
  });
  const [targets, setTargets] = useState<Target[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createRule,
    onSuccess: async (rule) => {
      setAdded(rule.name);
      await queries.invalidateQueries({ queryKey: KEYS.rules });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const f = Object.fromEntries(data) as Record<string, string>;
    setAdded(null);
    create.mutate(
      {
        name: f.name ?? '',
        eventTypes: data.getAll('eventTypes').map(String),
        minSeverity: (f.minSeverity || null) as Severity | null,
        clientId: clientId || null,
        projectId: f.projectId || null,
        targets,
        escalationPolicyId: f.escalationPolicyId || null,
      },
      {
        onSuccess: () => {
          form.reset();
          setTargets([]);
          setClientId('');
        },
      },
    );
  };
  const error = create.error;
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-rule-heading">
      <h3 id="new-rule-heading">{t('notif.rules.new')}</h3>
      <div className="form-grid">
        <Field id="rule-name" label={t('notif.rules.name')} error={fieldError(error, 'name')}>
          <input id="rule-name" name="name" required maxLength={200} autoComplete="off" />
        </Field>
        <Field id="rule-severity" label={t('notif.rules.minSeverity')} error={fieldError(error, 'minSeverity')}>
          <select id="rule-severity" name="minSeverity" defaultValue="">
            <option value="">{t('notif.rules.anySeverity')}</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{t(`notif.severity.${s}`)}</option>)}
          </select>
        </Field>
        <Field id="rule-client" label={t('notif.rules.client')} error={fieldError(error, 'clientId')}>
          <select id="rule-client" value={clientId} onChange={(e) => setClientId(e.target.value)}>
            <option value="">{t('notif.rules.anyClient')}</option>
            {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="rule-project" label={t('notif.rules.project')} error={fieldError(error, 'projectId')}>
          <select id="rule-project" name="projectId" defaultValue="" disabled={clientId === ''} key={clientId}>
            <option value="">{t('notif.rules.anyProject')}</option>
            {(projects.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <fieldset className="notif-wide notif-checks-box">
          <legend>{t('notif.rules.eventTypes')}</legend>
          <p className="settings-hint">{t('notif.rules.eventTypesHint')}</p>
          <div className="notif-checks">
            {EVENT_TYPES.map((type) => (
              <label key={type} className="checkbox">
                <input type="checkbox" name="eventTypes" value={type} />
                {t(`notif.event.${type}`)}
              </label>
            ))}
          </div>
          {fieldError(error, 'eventTypes') && <p className="field-error" role="alert">{fieldError(error, 'eventTypes')}</p>}
        </fieldset>
        <div className="notif-wide">
          <TargetsEditor idPrefix="rule-targets" label={t('notif.rules.targets')} targets={targets} onChange={setTargets} error={fieldError(error, 'targets')} />
        </div>
        <div>
          <Field id="rule-policy" label={t('notif.rules.policy')} error={fieldError(error, 'escalationPolicyId')}>
            <select id="rule-policy" name="escalationPolicyId" defaultValue="" aria-describedby="rule-policy-hint">
              <option value="">{t('notif.rules.noPolicy')}</option>
              {policies.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </Field>
          <p className="settings-hint" id="rule-policy-hint">{t('notif.rules.policyHint')}</p>
        </div>
        <ProblemAlert error={error} shown={SHOWN} />
        {added && <p className="settings-success" role="status">{t('notif.rules.added', { name: added })}</p>}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>{create.isPending ? t('settings.busy') : t('notif.rules.add')}</button>
        </div>
      </div>
    </form>
  );
}
