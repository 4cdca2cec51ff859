import { useMemo, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Small pieces both settings sections share. */

/**
 * The API's problem (or a lost connection) in words. Field errors a form shows next to its
 * controls (`shown`) are left to it; a plain validation failure whose every field is shown needs
 * no alert of its own.
 */
export function ProblemAlert({ error, shown = [], lead }: { error: unknown; shown?: readonly string[]; lead?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const leadLine = lead && <p className="settings-alert-text strong">{lead}</p>;
  if (!(error instanceof ApiError)) {
    return (
      <div className="alert" role="alert">
        {leadLine}
        <p className="settings-alert-text">{t('settings.error.network')}</p>
      </div>
    );
  }
  const isShown = (field: string) => shown.some((s) => field === s || field === `body.${s}` || field.startsWith(`body.${s}.`));
  const rest = (error.problem.errors ?? []).filter((e) => !isShown(e.field));
  if (error.status === 400 && error.problem.errors?.length && rest.length === 0) return null;
  return (
    <div className="alert" role="alert">
      {leadLine}
      <p className="settings-alert-text">{error.message}</p>
      {rest.length > 0 && (
        <ul className="settings-alert-list">
          {rest.map((e, i) => <li key={i}>{e.field.replace(/^body\./, '')}: {e.message}</li>)}
        </ul>
      )}
    </div>
  );
}

/**
 * A table cell that names its column on a phone, where the header row is hidden from sight (not
 * from screen readers, which read the real header instead).
 */
export function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td className={className}>
      <span className="settings-cell-label" aria-hidden="true">{label}</span>
      {children}
    </td>
  );
}

/** Date and time in the person's language and time zone, for moments such as "last used". */
export function useDateTime(): (iso: string | null) => string {
  const { locale, t } = useI18n();
  const { user } = useSession();
  const format = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: user?.timeZone ?? 'UTC' });
    } catch {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    }
  }, [locale, user?.timeZone]);
  return (iso) => (iso ? format.format(new Date(iso)) : t('common.none'));
}
