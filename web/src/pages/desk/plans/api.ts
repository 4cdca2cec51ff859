import { useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../../api/client.ts';
import type { Severity, Target, Window } from '../api.ts';

/** SLA plans and business calendars as the API answers them (src/desk/plans.schemas.ts, calendars.schemas.ts). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const CHANNELS = ['tickets', 'email', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export type NoResolution = 'work-queue' | 'best-effort';
export type Measure = 'business' | 'around-the-clock';

export interface SeverityTerms {
  firstResponse: Target;
  resolution: Target | null;
  noResolutionTarget: NoResolution | null;
  measure: Measure;
}

export interface CreditTier {
  belowPercent: number;
  creditPercent: number;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface SlaPlan {
  id: string;
  name: string;
  clientId: string | null;
  clientName: string | null;
  isDefault: boolean;
  calendarId: string;
  scope: { included: string; excluded: string };
  severities: Record<Severity, SeverityTerms>;
  channels: Channel[];
  uptimeGuarantee: { percent: number; period: 'calendar-month'; creditTiers: CreditTier[] } | null;
  monthlyFee: Money | null;
  /** Sent by servers that e-mail the monthly report; absent on those that do not (the form then hides it). */
  monthlyReport?: boolean;
}

export interface ClosedDay {
  date: string;
  name: string;
  active: boolean;
}

export interface ExtraWorkingDay {
  date: string;
  windows: Window[];
}

export interface CalendarFields {
  timeZone: string;
  week: Record<Weekday, Window[]>;
  publicHolidays: { country: string; region: string | null } | null;
  closedDays: ClosedDay[];
  extraWorkingDays: ExtraWorkingDay[];
}

export interface BusinessCalendar extends CalendarFields {
  id: string;
  name: string;
  planCount: number;
}

export interface CalendarPreview {
  timeZone: string;
  from: string;
  workingMinutes: number;
  days: {
    date: string;
    weekday: Weekday;
    open: boolean;
    reason: 'weekly-hours' | 'extra-working-day' | 'closed-day' | 'public-holiday' | 'no-hours';
    name: string | null;
    publicHoliday: string | null;
    intervals: { start: string; end: string; minutes: number }[];
    workingMinutes: number;
  }[];
}

export interface TargetsPreview {
  severity: Severity;
  measure: Measure;
  firstResponse: { dueAt: string };
  resolution: { dueAt: string } | null;
  noResolutionTarget: NoResolution | null;
  withinSupportHours: boolean;
  workStartsAt: string;
  timeZone: string;
}

export const usePlans = () => useQuery({ queryKey: ['sla-plans'], queryFn: () => api<Page<SlaPlan>>('GET', '/sla-plans?limit=200') });
export const usePlan = (id: string) => useQuery({ queryKey: ['sla-plans', id], queryFn: () => api<SlaPlan>('GET', `/sla-plans/${id}`) });
export const useCalendars = () => useQuery({ queryKey: ['business-calendars'], queryFn: () => api<Page<BusinessCalendar>>('GET', '/business-calendars?limit=200') });
export const useCalendar = (id: string) => useQuery({ queryKey: ['business-calendars', id], queryFn: () => api<BusinessCalendar>('GET', `/business-calendars/${id}`) });

export const useCalendarPreview = (id: string, from: string) =>
  useQuery({ queryKey: ['business-calendars', id, 'preview', from], queryFn: () => api<CalendarPreview>('GET', `/business-calendars/${id}/preview${query({ from, days: 14 })}`) });

export const useTargetsPreview = (planId: string, severity: Severity, createdAt: string) =>
  useQuery({
    queryKey: ['sla-plans', planId, 'targets-preview', severity, createdAt],
    queryFn: () => api<TargetsPreview>('GET', `/sla-plans/${planId}/targets-preview${query({ severity, createdAt })}`),
  });

export type PlanBody = Partial<Omit<SlaPlan, 'id' | 'clientName' | 'isDefault'>>;

export const createPlan = (body: PlanBody) => api<SlaPlan>('POST', '/sla-plans', body);
export const updatePlan = (id: string, body: PlanBody) => api<SlaPlan>('PATCH', `/sla-plans/${id}`, body);
export const deletePlan = (id: string) => api<void>('DELETE', `/sla-plans/${id}`);
export const createCalendar = (body: CalendarFields & { name: string }) => api<BusinessCalendar>('POST', '/business-calendars', body);
export const updateCalendar = (id: string, body: CalendarFields & { name: string }) => api<BusinessCalendar>('PATCH', `/business-calendars/${id}`, body);
export const deleteCalendar = (id: string) => api<void>('DELETE', `/business-calendars/${id}`);
