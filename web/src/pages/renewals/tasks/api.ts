import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../../api/client.ts';
import type { AssetKind } from '../../../../../src/registry/assets.model.ts';

/** Types and queries of renewal tasks, as the API answers them (src/renewals/tasks.schemas.ts). */
export type TaskState = 'open' | 'in_progress' | 'snoozed' | 'done' | 'cancelled';
export const INBOX_STATES: TaskState[] = ['open', 'in_progress', 'snoozed', 'done'];

export interface Person {
  id: string;
  name: string;
}

export interface RenewalTask {
  id: string;
  asset: { id: string; name: string; kind: AssetKind; identifier: string; expiresOn: string | null; autoRenew: boolean; currency: string; renewalAmount: number | null };
  client: Person;
  renewalOn: string;
  dueOn: string;
  daysLeft: number;
  state: TaskState;
  snoozedUntil: string | null;
  assignee: Person | null;
  escalated: boolean;
  outcome: 'renewed' | 'cancelled' | null;
  renewedUntil: string | null;
  paid: { amount: number; currency: string } | null;
  completedAt: string | null;
  pushed: { channelId: string; at: string; notificationId: string }[];
  commentCount: number;
}

export interface TaskComment {
  id: string;
  author: Person | null;
  body: string;
  createdAt: string;
}

export interface AssetCost {
  id: string;
  paidOn: string;
  amount: number;
  currency: string;
  renewalOn: string | null;
  renewedUntil: string | null;
  taskId: string | null;
}

export interface TaskDetail extends RenewalTask {
  comments: TaskComment[];
  costs: AssetCost[];
}

export interface TaskSummary {
  overdue: number;
  dueThisWeek: number;
  mine: number;
  unassigned: number;
}

export interface InboxFilters {
  assignee?: string | undefined;
  state?: string | undefined;
  clientId?: string | undefined;
  overdue?: string | undefined;
}

export function useInbox(f: InboxFilters) {
  return useInfiniteQuery({
    queryKey: ['tasks', f],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<RenewalTask>>('GET', `/tasks${query({ ...f, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useTask = (id: string) => useQuery({ queryKey: ['task', id], queryFn: () => api<TaskDetail>('GET', `/tasks/${id}`) });

export const useTaskSummary = () => useQuery({ queryKey: ['tasks', 'summary'], queryFn: () => api<TaskSummary>('GET', '/tasks/summary'), refetchInterval: 60_000 });

export const useAssignees = () => useQuery({ queryKey: ['tasks', 'assignees'], queryFn: () => api<{ items: Person[] }>('GET', '/tasks/assignees') });

/** The webhook channels a task can be pushed to (the channels this person can see). */
export const useWebhookChannels = () =>
  useQuery({ queryKey: ['channels', 'webhook'], queryFn: () => api<Page<{ id: string; name: string; kind: string }>>('GET', '/channels?kind=webhook&limit=200') });
