import { useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../../api/client.ts';

/** What the calendar page reads: the entries of the month shown, and the calendar feeds. */
export interface CalendarEntry {
  uid: string;
  kind: 'renewal' | 'task';
  date: string;
  asset: { id: string; name: string; kind: string | null };
  client: { id: string; name: string };
  price: { amount: number; currency: string } | null;
  autoRenew: boolean | null;
  task: { id: string; state: string; renewalOn: string; assigneeId: string | null } | null;
}

export interface CalendarFeed {
  id: string;
  ownerType: 'user' | 'client';
  ownerId: string;
  ownerName: string;
  url: string;
  createdAt: string;
}

export function useEntries(from: string, to: string, clientId: string | undefined, mine: boolean) {
  return useQuery({
    queryKey: ['calendar-entries', from, to, clientId ?? '', mine],
    queryFn: () => api<{ items: CalendarEntry[]; truncated: boolean }>('GET', `/calendar-entries${query({ from, to, clientId, mine: mine ? 'true' : undefined })}`),
  });
}

/** The feeds one may see; more than 200 would be a list for the settings, not for this panel. */
export function useFeeds() {
  return useQuery({ queryKey: ['calendar-feeds'], queryFn: () => api<Page<CalendarFeed>>('GET', '/calendar-feeds?limit=200') });
}
