import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../api/client.ts';

/** Types and queries of the SLA desk, as the API answers them (src/desk/tickets.schemas.ts, plans.schemas.ts). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const TICKET_STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed', 'reopened'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The moves the server allows (src/desk/tickets.model.ts); the buttons offer only these, the server still decides. */
export const STATUS_MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'waiting', 'resolved', 'closed'],
  open: ['waiting', 'resolved', 'closed'],
  waiting: ['open', 'resolved', 'closed'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['open', 'waiting', 'resolved', 'closed'],
};

export type Target = { kind: 'minutes'; minutes: number } | { kind: 'next-business-day' };

export interface SlaClock {
  target: Target;
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  percentUsed: number;
  dueAt: string | null;
  warningAt: string | null;
  paused: boolean;
  met: boolean;
  metAt: string | null;
  breached: boolean;
  breachedAt: string | null;
}

export interface Ticket {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  severity: Severity;
  status: TicketStatus;
  assigneeId: string | null;
  source: 'portal' | 'staff' | 'api' | 'incident';
  incidentId: string | null;
  createdBy: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  nextDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  clocks: { firstResponse: SlaClock; resolution: SlaClock | null };
}

export interface TicketMessage {
  id: string;
  authorKind: 'staff' | 'client' | 'system';
  authorId: string | null;
  body: string;
  visibility: 'public' | 'internal';
  createdAt: string;
}

export interface TicketEvent {
  id: string;
  kind: 'status' | 'severity' | 'assignee';
  from: string | null;
  to: string | null;
  actorId: string | null;
  at: string;
}

export interface TicketDetail extends Ticket {
  thread: TicketMessage[];
  history: TicketEvent[];
}

export interface TicketSummary {
  open: number;
  atRisk: number;
  breached: number;
}

export interface TargetText {
  kind: 'minutes' | 'next-business-day';
  minutes: number | null;
  text: string;
}

export interface Window {
  start: string;
  end: string;
}

export interface ClientSla {
  clientId: string;
  clientName: string;
  name: string;
  scope: { included: string; excluded: string };
  severities: Record<Severity, { measure: 'business' | 'around-the-clock'; firstResponse: TargetText; resolution: TargetText | null; noResolutionTarget: 'work-queue' | 'best-effort' | null }>;
  supportHours: { name: string; timeZone: string; week: Record<string, Window[]>; publicHolidays: { country: string; region: string | null } | null };
  channels: ('tickets' | 'email' | 'phone')[];
  uptimeGuarantee: { percent: number; creditTiers: { belowPercent: number; creditPercent: number }[]; allowedDowntimePer30Days: { seconds: number; text: string } } | null;
}

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
