import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useClients } from '../../api/clients.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Cell, ProblemAlert } from '../settings/parts.tsx';
import { EVENT_TYPES, previewRouting, SEVERITIES, type EscalationPolicy, type PreviewRecipient, type RoutingPreview as Preview, type RoutingRule, type Severity } from './api.ts';
import { eventName } from './parts.tsx';

type T = ReturnType<typeof useI18n>['t'];

/**
 * "Who would be told?": an event type, a severity and a client, and the answer dispatch would give —
 * the rules that match, and every person or channel told at once, with the channel their message
 * starts on and why (a client's billing messages reach its portal users whatever the rules say).
 */
export function RoutingPreview({ rules, policies }: { rules: RoutingRule[]; policies: EscalationPolicy[] }) {
  const { t } = useI18n();
  const clients = useClients();
  const preview = useMutation({ mutationFn: previewRouting });
  const [clientName, setClientName] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const clientId = f.clientId || null;
    setClientName(clientId ? (clients.data?.items.find((c) => c.id === clientId)?.name ?? clientId) : null);
    preview.mutate({ type: f.type ?? '', severity: (f.severity ?? 'medium') as Severity, clientId });
  };
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t('notif.preview.title')}</h3>
      <p className="muted settings-intro">{t('notif.preview.intro')}</p>
      <div className="form-grid">
        <Field id="preview-type" label={t('notif.preview.eventType')}>
          <select id="preview-type" name="type" defaultValue="payment.failed">
            {EVENT_TYPES.map((type) => <option key={type} value={type}>{eventName(t, type)}</option>)}
          </select>
        </Field>
        <Field id="preview-severity" label={t('notif.preview.severity')}>
          <select id="preview-severity" name="severity" defaultValue="high">
            {SEVERITIES.map((s) => <option key={s} value={s}>{t(`notif.severity.${s}`)}</option>)}
          </select>
        </Field>
        <Field id="preview-client" label={t('notif.preview.client')}>
          <select id="preview-client" name="clientId" defaultValue="">
            <option value="">{t('notif.preview.noClient')}</option>
            {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <ProblemAlert error={preview.error} />
        <div className="actions">
          <button type="submit" disabled={preview.isPending}>{preview.isPending ? t('settings.busy') : t('notif.preview.run')}</button>
        </div>
      </div>
      {preview.data && <PreviewResult preview={preview.data} rules={rules} policies={policies} clientName={clientName} />}
    </form>
  );
}

function PreviewResult({ preview, rules, policies, clientName }: { preview: Preview; rules: RoutingRule[]; policies: EscalationPolicy[]; clientName: string | null }) {
  const { t } = useI18n();
  const ruleName = (id: string) => rules.find((r) => r.id === id)?.name ?? id;
  const matched = preview.usedDefault ? t('notif.preview.usedDefault') : t('notif.preview.matched', { names: preview.ruleIds.map((id) => `“${ruleName(id)}”`).join(', ') });
  return (
    <section className="notif-preview" aria-labelledby="preview-result-heading" aria-live="polite">
      <h4 id="preview-result-heading">{t('notif.preview.told')}</h4>
      <p>{matched}</p>
      {preview.audience.length === 0 ? (
        <p className="empty">{t('notif.preview.nobody')}</p>
      ) : (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('notif.preview.told')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notif.preview.recipient')}</th>
                <th scope="col">{t('notif.preview.channel')}</th>
                <th scope="col">{t('notif.preview.why')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.audience.map((r) => (
                <tr key={r.recipient}>
                  <Cell label={t('notif.preview.recipient')}>
                    <span className="strong">{r.name}</span>
                    {r.email && <span className="muted block">{r.email}</span>}
                  </Cell>
                  <Cell label={t('notif.preview.channel')}>{channelText(t, r)}</Cell>
                  <Cell label={t('notif.preview.why')}>{reasonText(t, r.reason, ruleName, clientName)}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.escalationPolicyIds.length > 0 && (
        <ul className="notif-plain">
          {preview.escalationPolicyIds.map((id) => <li key={id}>{t('notif.rules.escalatesWith', { name: policies.find((p) => p.id === id)?.name ?? id })}</li>)}
        </ul>
      )}
    </section>
  );
}

/** "Email · Accounts inbox", "Email · sign-in address (made with the first message)", or that nothing would go out. */
function channelText(t: T, r: PreviewRecipient): string {
  if (!r.channel) return t('notif.preview.noChannel');
  const kind = t(`notif.kind.${r.channel.kind as 'email'}`);
  if (r.channel.id === null) return t('notif.preview.signInEmail', { kind });
  return t(r.channel.fallback ? 'notif.preview.onFallback' : 'notif.preview.on', { kind, name: r.channel.name });
}

function reasonText(t: T, reason: string, ruleName: (id: string) => string, clientName: string | null): string {
  if (reason === 'client-portal') return clientName ? t('notif.preview.why.clientPortalOf', { client: clientName }) : t('notif.preview.why.clientPortal');
  if (reason === 'addressed') return t('notif.preview.why.addressed');
  if (reason === 'route:default') return t('notif.preview.why.default');
  if (reason.startsWith('route:')) return t('notif.preview.why.rule', { name: ruleName(reason.slice('route:'.length)) });
  return reason;
}
