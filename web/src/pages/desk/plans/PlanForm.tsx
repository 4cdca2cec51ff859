import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CHANNELS, updatePlan, type BusinessCalendar, type SlaPlan } from './api.ts';
import { CreditTiersEditor } from './CreditTiersEditor.tsx';
import { bodyOf, draftOf, type PlanDraft } from './plan-draft.ts';
import { SeverityTargetsEditor } from './SeverityTargetsEditor.tsx';

/** Fields the form shows by themselves; any other message the server sends goes in the alert at the bottom. */
const SHOWN = ['name', 'scope', 'severities', 'channels', 'calendarId', 'uptimeGuarantee', 'monthlyFee', 'monthlyReport'];

const localProblem = (message: string, field: string) => new ApiError({ type: 'about:blank', title: message, status: 400, detail: message, errors: [{ field: `body.${field}`, message }] });

/** The whole plan, edited and saved at once; the server's reasons appear by the fields they concern. */
export function PlanForm({ plan, calendars, currency }: { plan: SlaPlan; calendars: BusinessCalendar[]; currency: string | undefined }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(plan, plan.monthlyFee?.currency ?? currency));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...change }));
  // A tier added or removed moves the rows the server's messages point at (`creditTiers.3`): those messages go then.
  const setGuarantee = (change: Partial<PlanDraft>) => {
    if (change.tiers && change.tiers.length !== draft.tiers.length) setError(null);
    set(change);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const result = bodyOf(draft);
    if (!result.ok) return setError(localProblem(t(`deskPlan.fee.${result.problem}`), 'monthlyFee.amount'));
    setBusy(true);
    try {
      const saved = await updatePlan(plan.id, result.body);
      setDraft(draftOf(saved, draft.feeCurrency));
      setError(null);
      await queries.invalidateQueries({ queryKey: ['sla-plans'] });
      await queries.invalidateQueries({ queryKey: ['client-sla'] });
      setNotice(t('deskPlan.saved', { name: saved.name }));
    } catch (err) {
      setError(err instanceof ApiError ? err : localProblem(String(err), ''));
    } finally {
      setBusy(false);
    }
  };
  const unshown = error && !(error.problem.errors ?? []).some((e) => SHOWN.some((f) => e.field === `body.${f}` || e.field.startsWith(`body.${f}.`)));
  return (
    <form className="plan-form" aria-label={t('deskPlan.form', { name: plan.name })} onSubmit={(e) => void submit(e)} noValidate>
      <section className="card plan-section">
        <h2>{t('deskPlan.section.terms')}</h2>
        <Field id="plan-name" label={t('deskPlan.name')} error={error?.fieldMessage('name')}>
          <input id="plan-name" maxLength={100} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <div className="plan-scope">
          <Field id="plan-included" label={t('deskPlan.included')} error={error?.fieldMessage('scope.included')}>
            <textarea id="plan-included" rows={4} maxLength={10000} placeholder={t('deskPlan.included.hint')} value={draft.included} onChange={(e) => set({ included: e.target.value })} />
          </Field>
          <Field id="plan-excluded" label={t('deskPlan.excluded')} error={error?.fieldMessage('scope.excluded')}>
            <textarea id="plan-excluded" rows={4} maxLength={10000} placeholder={t('deskPlan.excluded.hint')} value={draft.excluded} onChange={(e) => set({ excluded: e.target.value })} />
          </Field>
        </div>
      </section>
      <section className="card plan-section">
        <h2>{t('deskPlan.targets')}</h2>
        <p className="muted">{t('deskPlan.targets.intro')}</p>
        <SeverityTargetsEditor severities={draft.severities} error={error} onChange={(severities) => set({ severities })} />
      </section>
      <HoursAndChannels draft={draft} calendars={calendars} error={error} set={set} />
      <section className="card plan-section">
        <h2>{t('desk.sla.uptime')}</h2>
        <CreditTiersEditor value={draft} error={error} onChange={setGuarantee} />
      </section>
      <Billing draft={draft} error={error} set={set} />
      {unshown && <p className="alert" role="alert">{error.message}</p>}
      {error && !unshown && <p className="alert" role="alert">{t('deskPlan.fixFields')}</p>}
      <p className="asset-notice" role="status">{notice}</p>
      <div className="actions"><button type="submit" disabled={busy}>{t('deskPlan.save')}</button></div>
    </form>
  );
}

type Part = { draft: PlanDraft; error: ApiError | null; set: (change: Partial<PlanDraft>) => void };

function HoursAndChannels({ draft, calendars, error, set }: Part & { calendars: BusinessCalendar[] }) {
  const { t } = useI18n();
  const toggle = (channel: (typeof CHANNELS)[number], on: boolean) => set({ channels: CHANNELS.filter((c) => (c === channel ? on : draft.channels.includes(c))) });
  const channelError = error?.fieldMessage('channels');
  return (
    <section className="card plan-section">
      <h2>{t('desk.sla.hours')}</h2>
      <div className="plan-hours">
        <Field id="plan-calendar" label={t('deskPlan.calendar.pick')} error={error?.fieldMessage('calendarId')}>
          <select id="plan-calendar" value={draft.calendarId} onChange={(e) => set({ calendarId: e.target.value })}>
            {calendars.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.timeZone})</option>)}
          </select>
        </Field>
        <Link to={`/desk/calendars/${draft.calendarId}`}>{t('deskPlan.calendar.edit')}</Link>
      </div>
      <fieldset className={channelError ? 'plan-channels has-error' : 'plan-channels'} aria-describedby={channelError ? 'plan-channels-error' : undefined}>
        <legend>{t('desk.sla.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" checked={draft.channels.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            {t(`desk.channel.${c}`)}
          </label>
        ))}
        {channelError && <p className="field-error" id="plan-channels-error" role="alert">{channelError}</p>}
      </fieldset>
    </section>
  );
}

function Billing({ draft, error, set }: Part) {
  const { t } = useI18n();
  return (
    <section className="card plan-section">
      <h2>{t('deskPlan.section.billing')}</h2>
      <div className="plan-fee">
        <Field id="plan-fee" label={t('deskPlan.fee')} error={error?.fieldMessage('monthlyFee.amount') ?? error?.problem.errors?.find((e) => e.field === 'body.monthlyFee')?.message}>
          <input id="plan-fee" inputMode="decimal" placeholder={t('deskPlan.fee.none')} value={draft.feeAmount} onChange={(e) => set({ feeAmount: e.target.value })} />
        </Field>
        <Field id="plan-currency" label={t('deskPlan.currency')} error={error?.fieldMessage('monthlyFee.currency')}>
          <input id="plan-currency" maxLength={3} value={draft.feeCurrency} onChange={(e) => set({ feeCurrency: e.target.value.toUpperCase() })} />
        </Field>
      </div>
      <p className="muted plan-hint">{t('deskPlan.fee.hint')}</p>
      {draft.monthlyReport !== undefined && (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={draft.monthlyReport} onChange={(e) => set({ monthlyReport: e.target.checked })} />
            {t('deskPlan.monthlyReport')}
          </label>
          {error?.fieldMessage('monthlyReport') && <p className="field-error" role="alert">{error.fieldMessage('monthlyReport')}</p>}
        </>
      )}
    </section>
  );
}
