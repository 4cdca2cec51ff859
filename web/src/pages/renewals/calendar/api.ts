import { useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../../api/client.ts';
import type { CalendarFeedView as CalendarFeed, PageEntry as CalendarEntry } from '../../../../../src/renewals/calendar.service.ts';

/** What the calendar page reads: the entries of the month shown, and the calendar feeds, in the server's own types. */
export type { CalendarEntry, CalendarFeed };

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
