import type { ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import { DNS_RECORD_TYPES, HTTP_METHODS } from './api.ts';
import type { Draft } from './draft.ts';

type MessageKey = Parameters<I18n['t']>[0];

export interface DraftProps {
  draft: Draft;
  setText(name: string, value: string): void;
  setFlag(name: string, value: boolean): void;
  error: ApiError | null;
}

/** A text or number input bound to one value of the draft, with the API's message for it (`config.<name>` or `<name>`). */
export function DraftInput({ draft, setText, error, name, label, field, type = 'text', placeholder, hint }: DraftProps & {
  name: string; label: MessageKey; field?: string; type?: string; placeholder?: string | undefined; hint?: MessageKey;
}) {
  const { t } = useI18n();
  const id = `monitor-${name}`;
  return (
    <div>
      <Field id={id} label={t(label)} error={error?.fieldMessage(field ?? `config.${name}`)}>
        <input id={id} type={type} inputMode={type === 'number' ? 'numeric' : undefined} value={draft.text[name] ?? ''} placeholder={placeholder}
          aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => setText(name, e.target.value)} />
      </Field>
      {hint && <p className="monitor-hint" id={`${id}-hint`}>{t(hint)}</p>}
    </div>
  );
}

function DraftCheck({ draft, setFlag, name, label }: DraftProps & { name: string; label: MessageKey }) {
  const { t } = useI18n();
  return (
    <label className="checkbox">
      <input type="checkbox" checked={draft.flags[name] ?? false} onChange={(e) => setFlag(name, e.target.checked)} />
      {t(label)}
    </label>
  );
}

function DraftSelect({ draft, setText, error, name, label, options }: DraftProps & { name: string; label: MessageKey; options: readonly { value: string; label: string }[] }) {
  const { t } = useI18n();
  const id = `monitor-${name}`;
  return (
    <Field id={id} label={t(label)} error={error?.fieldMessage(`config.${name}`)}>
      <select id={id} value={draft.text[name] ?? ''} onChange={(e) => setText(name, e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}

/** The settings of the chosen kind of monitor. */
export function KindFields(props: DraftProps & { changing: boolean }) {
  const { t } = useI18n();
  const p = props;
  switch (p.draft.kind) {
    case 'http':
      return (
        <>
          <div className="monitor-wide"><DraftInput {...p} name="url" label="monitors.url" type="url" placeholder="https://example.com/health" /></div>
          <DraftSelect {...p} name="method" label="monitors.method" options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} />
          <DraftInput {...p} name="expectedStatus" label="monitors.expectedStatus" hint="monitors.expectedStatusHint" />
          <DraftInput {...p} name="keyword" label="monitors.keyword" hint="monitors.keywordHint" />
          <DraftSelect {...p} name="keywordMode" label="monitors.keywordMode"
            options={[{ value: 'present', label: t('monitors.keywordPresent') }, { value: 'absent', label: t('monitors.keywordAbsent') }]} />
          <DraftInput {...p} name="maxResponseMs" label="monitors.maxResponseMs" type="number" hint="monitors.maxResponseHint" />
          <div className="monitor-checks">
            <DraftCheck {...p} name="followRedirects" label="monitors.followRedirects" />
            <DraftCheck {...p} name="verifyTls" label="monitors.verifyTls" />
          </div>
          <DraftInput {...p} name="username" label="monitors.username" field="config.basicAuth" hint="monitors.basicAuthHint" />
          <DraftInput {...p} name="password" label="monitors.password" field="config.basicAuth.password" type="password"
            placeholder={p.changing ? t('monitors.passwordKept') : undefined} />
        </>
      );
    case 'tcp':
      return (
        <>
          <DraftInput {...p} name="host" label="monitors.host" placeholder="db.example.com" />
          <DraftInput {...p} name="port" label="monitors.port" type="number" />
        </>
      );
    case 'dns':
      return (
        <>
          <DraftInput {...p} name="host" label="monitors.dnsName" placeholder="example.com" />
          <DraftSelect {...p} name="recordType" label="monitors.recordType" options={DNS_RECORD_TYPES.map((r) => ({ value: r, label: r }))} />
          <DraftInput {...p} name="expected" label="monitors.expectedAnswers" hint="monitors.expectedAnswersHint" />
          <DraftInput {...p} name="resolver" label="monitors.resolver" placeholder="1.1.1.1" hint="monitors.resolverHint" />
        </>
      );
    case 'tls':
      return (
        <>
          <DraftInput {...p} name="host" label="monitors.host" placeholder="example.com" />
          <DraftInput {...p} name="port" label="monitors.port" type="number" placeholder="443" />
          <DraftInput {...p} name="warnDays" label="monitors.warnDays" type="number" placeholder="21" hint="monitors.warnDaysHint" />
          <DraftInput {...p} name="downDays" label="monitors.downDays" type="number" placeholder="3" hint="monitors.downDaysHint" />
        </>
      );
    case 'domain':
      return (
        <>
          <DraftInput {...p} name="domain" label="monitors.domain" placeholder="example.com" />
          <DraftInput {...p} name="warnDays" label="monitors.warnDays" type="number" placeholder="30" hint="monitors.warnDaysHint" />
          <DraftInput {...p} name="downDays" label="monitors.downDays" type="number" placeholder="7" hint="monitors.downDaysHint" />
        </>
      );
    case 'heartbeat':
      return (
        <>
          <DraftInput {...p} name="periodSeconds" label="monitors.periodSeconds" type="number" hint="monitors.periodHint" />
          <DraftInput {...p} name="graceSeconds" label="monitors.graceSeconds" type="number" hint="monitors.graceHint" />
        </>
      );
  }
}
