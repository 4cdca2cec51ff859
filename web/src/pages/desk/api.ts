import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { everyOf } from '../../api/lists.ts';
import { api, query, type Page } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import type { InvoiceDocument } from '../../../../src/billing/invoice.types.ts';
import type { SlaCreditView } from '../../../../src/billing/sla-credits.service.ts';
import type { WorkingWindow as Window } from '../../../../src/desk/calendar.model.ts';
import type { Severity, SlaTarget as Target } from '../../../../src/desk/plan.model.ts';
import type { TargetView as TargetText } from '../../../../src/desk/plan-view.model.ts';
import type { ClientSlaView as ClientSla } from '../../../../src/desk/sla.service.ts';
import type { ClockView as SlaClock, TicketStatus } from '../../../../src/desk/tickets.model.ts';
import type { TicketDetail, TicketView as Ticket } from '../../../../src/desk/tickets.service.ts';
import type { TicketCounts as TicketSummary, TicketEvent, TicketMessage } from '../../../../src/desk/tickets.store.ts';

/** Types and queries of the SLA desk, in the server's own types (what src/desk/tickets.schemas.ts and plans.schemas.ts send). */
export type { ClientSla, Severity, SlaClock, Target, TargetText, Ticket, TicketDetail, TicketEvent, TicketMessage, TicketStatus, TicketSummary, Window };

// The server's lists live in modules that load luxon, zod and date-holidays (importing SEVERITIES
// from plan.model.ts takes the bundle from 1.0 to 2.6 MB): the app keeps its own, checked by everyOf.
export const SEVERITIES = everyOf<Severity>()(['critical', 'high', 'medium', 'low']);
/** Statuses and the moves the server allows; the buttons offer only these, the server still decides. */
export { STATUS_MOVES, TICKET_STATUSES } from '../../../../src/desk/ticket-status.model.ts';

export interface Person {
  id: string;
  name: string;
}

export interface TicketFilters {
  status?: string | undefined;
  severity?: string | undefined;
  clientId?: string | undefined;
  assignee?: string | undefined;
  breached?: string | undefined;
}

export function useTickets(f: TicketFilters) {
  return useInfiniteQuery({
    queryKey: ['tickets', f],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Ticket>>('GET', `/tickets${query({ ...f, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The server's clocks (breach, paused) move on by themselves: look again now and then.
    refetchInterval: 60_000,
  });
}

export const useTicket = (id: string) => useQuery({ queryKey: ['ticket', id], queryFn: () => api<TicketDetail>('GET', `/tickets/${id}`), refetchInterval: 60_000 });

export const useTicketSummary = () => useQuery({ queryKey: ['tickets', 'summary'], queryFn: () => api<TicketSummary>('GET', '/tickets/summary'), refetchInterval: 60_000 });

/** A client's SLA; null when the client has no plan (404 no-sla-plan). */
export const useClientSla = (clientId: string | null | undefined) =>
  useQuery({ queryKey: ['client-sla', clientId], enabled: Boolean(clientId), retry: false, queryFn: () => api<ClientSla>('GET', `/clients/${clientId}/sla`) });

/** Active staff, who can be assigned tickets (the same people as renewal tasks). Staff only. */
export const useStaff = (enabled: boolean) => useQuery({ queryKey: ['tasks', 'assignees'], enabled, queryFn: () => api<{ items: Person[] }>('GET', '/tasks/assignees') });

// SLA credits: the credit a monthly report says is owed, issued as a credit note in billing.

export type { InvoiceDocument, SlaCreditView as SlaCredit };

/** Mirrors the server's roles (accounts/authorization.ts): staff who read invoices, and those who issue them. */
export const canReadBilling = (user: User | null) => user !== null && ['owner', 'admin', 'manager'].includes(user.role);
export const canWriteBilling = (user: User | null) => user !== null && ['owner', 'admin'].includes(user.role);

const slaCreditQueryKey = (clientId: string, month: string) => ['sla-credits', clientId, month];

/** The credit note issued for a client's month, or null while none is. */
export const useSlaCreditNote = (clientId: string, month: string, enabled: boolean) =>
  useQuery({
    queryKey: slaCreditQueryKey(clientId, month),
    enabled,
    queryFn: async () => (await api<Page<SlaCreditView>>('GET', `/clients/${encodeURIComponent(clientId)}/sla-credits${query({ month })}`)).items[0] ?? null,
  });

/** Issues the month's credit note; afterwards (or when someone else was first, a 409) the query above is read again. */
export function useIssueSlaCredit(clientId: string, month: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => api<InvoiceDocument>('POST', `/clients/${encodeURIComponent(clientId)}/sla-credits`, { month }),
    onSettled: () => queries.invalidateQueries({ queryKey: slaCreditQueryKey(clientId, month) }),
  });
}
