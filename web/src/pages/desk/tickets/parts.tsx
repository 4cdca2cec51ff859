import { useI18n } from '../../../i18n/i18n.tsx';
import type { Person, Severity, TicketStatus } from '../api.ts';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return <span className={`badge desk-sev-${severity}`}>{t(`desk.severity.${severity}`)}</span>;
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return <span className={`badge desk-status-${status}`}>{t(`desk.status.${status}`)}</span>;
}

/** A staff member by id; a client's portal user sees "the agency" (staff names are the agency's business). */
export function nameOf(people: Person[] | undefined, id: string | null): string | null {
  if (!id) return null;
  return people?.find((p) => p.id === id)?.name ?? null;
}
