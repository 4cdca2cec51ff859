import { useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../../api/client.ts';
import { everyOf } from '../../../api/lists.ts';
import type { Severity } from '../api.ts';
import type { Money } from '../../../api/types.ts';
import type { BusinessCalendar as CalendarFields, ClosedDay, ExtraWorkingDay, Weekday } from '../../../../../src/desk/calendar.model.ts';
import type { CalendarPreviewView as CalendarPreview, BusinessCalendarRecord as BusinessCalendar } from '../../../../../src/desk/calendars.service.ts';
import type { CreditTier, NoResolutionTarget as NoResolution, SeverityTerms, SupportChannel } from '../../../../../src/desk/plan.model.ts';
import type { PlanInput as PlanBody } from '../../../../../src/desk/plans.service.ts';
import type { SlaPlanRecord as SlaPlan } from '../../../../../src/desk/plans.store.ts';
import type { TargetsPreview } from '../../../../../src/desk/sla.service.ts';

/** SLA plans and business calendars, in the server's own types (what src/desk/plans.schemas.ts and calendars.schemas.ts send). */
export type { BusinessCalendar, CalendarFields, CalendarPreview, ClosedDay, CreditTier, ExtraWorkingDay, Money, NoResolution, PlanBody, SeverityTerms, SlaPlan, TargetsPreview, Weekday };
export type Channel = SupportChannel;
export type Measure = SeverityTerms['measure'];
export const WEEKDAYS = everyOf<Weekday>()(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export const CHANNELS = everyOf<SupportChannel>()(['tickets', 'email', 'phone']);

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

export const createPlan = (body: PlanBody) => api<SlaPlan>('POST', '/sla-plans', body);
export const updatePlan = (id: string, body: PlanBody) => api<SlaPlan>('PATCH', `/sla-plans/${id}`, body);
export const deletePlan = (id: string) => api<void>('DELETE', `/sla-plans/${id}`);
export const createCalendar = (body: CalendarFields & { name: string }) => api<BusinessCalendar>('POST', '/business-calendars', body);
export const updateCalendar = (id: string, body: CalendarFields & { name: string }) => api<BusinessCalendar>('PATCH', `/business-calendars/${id}`, body);
export const deleteCalendar = (id: string) => api<void>('DELETE', `/business-calendars/${id}`);
