import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../../api/client.ts';
import type { AssetCost } from '../../../../../src/renewals/costs.store.ts';
import type { TaskState } from '../../../../../src/renewals/tasks.model.ts';
import type { TaskComment, TaskDetail, TaskSummary, TaskView as RenewalTask } from '../../../../../src/renewals/tasks.service.ts';

/** Types and queries of renewal tasks, in the server's own types (what src/renewals/tasks.schemas.ts sends). */
export type { AssetCost, RenewalTask, TaskComment, TaskDetail, TaskState, TaskSummary };
export const INBOX_STATES: TaskState[] = ['open', 'in_progress', 'snoozed', 'done'];

export interface Person {
  id: string;
  name: string;
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
