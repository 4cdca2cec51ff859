/**
 * The monitoring API as the pages use it: the shapes come from the server's own schemas
 * (type-only imports: nothing of the server reaches the bundle), the calls are thin.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query, type Page } from '../../api/client.ts';
import type { Project } from '../../api/types.ts';
import type * as schemas from '../../../../src/monitoring/schemas.ts';
import type * as statusSchemas from '../../../../src/monitoring/status-pages.schemas.ts';
import type { MonitorKind } from '../../../../src/monitoring/probes/configs.ts';

export type { MonitorKind };
export type Monitor = z.output<typeof schemas.monitorListItem>;
export type MonitorView = z.output<typeof schemas.monitorView>;
export type CreatedMonitor = z.output<typeof schemas.createdMonitor>;
export type CheckResult = z.output<typeof schemas.resultView>;
export type Results = z.output<typeof schemas.resultsView>;
export type ResponseTimes = z.output<typeof schemas.responseTimesView>;
export type Uptime = z.output<typeof schemas.uptimeView>;
export type Suggestion = z.output<typeof schemas.suggestionView>;
export type Incident = z.output<typeof schemas.incidentView>;
export type IncidentDetail = z.output<typeof schemas.incidentDetail>;
export type IncidentSummary = z.output<typeof schemas.incidentSummary>;
export type MaintenanceWindow = z.output<typeof schemas.maintenanceView>;
export type StatusPage = z.output<typeof statusSchemas.statusPageView>;
export type PublicStatusPage = z.output<typeof statusSchemas.publicStatusPage>;
export type ScopeType = (typeof schemas.SCOPE_TYPES)[number];

// The server's lists live next to code that needs Node; the browser keeps its own copies, checked against the types.
export const MONITOR_KINDS = ['http', 'tcp', 'dns', 'tls', 'domain', 'heartbeat'] as const satisfies readonly MonitorKind[];
export const FILTER_STATES = ['up', 'down', 'pending', 'paused'] as const satisfies readonly (typeof schemas.MONITOR_FILTER_STATES)[number][];
export const SCOPE_TYPES = ['monitor', 'asset', 'project', 'client'] as const satisfies readonly ScopeType[];
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;

/** What a person sees of a monitor's state: paused wins over the last checked state. */
export type ShownState = 'up' | 'down' | 'pending' | 'paused';
export const shownState = (m: Pick<MonitorView, 'state' | 'paused'>): ShownState => (m.paused ? 'paused' : m.state);

export const monitorKey = (id: string) => ['monitor', id] as const;

export function useMonitor(id: string) {
  return useQuery({
    queryKey: monitorKey(id),
    queryFn: () => api<Monitor>('GET', `/monitors/${id}`),
    // A requested check shows its result within seconds; otherwise the state is refreshed now and then.
    refetchInterval: (q) => (q.state.data?.checkRequestedAt ? 1500 : 15_000),
  });
}

/** The first 200 monitors by name, for pickers (parent monitor, status page, maintenance scope). */
export function useMonitorChoices(filter: { clientId?: string | undefined } = {}) {
  return useQuery({ queryKey: ['monitors', 'choices', filter], queryFn: () => api<Page<Monitor>>('GET', `/monitors${query({ ...filter, limit: 200 })}`) });
}

export function useProjects(clientId: string | null | undefined) {
  return useQuery({
    queryKey: ['projects', 'of', clientId ?? ''],
    queryFn: () => api<Page<Project>>('GET', `/projects${query({ clientId, limit: 200 })}`),
  });
}

export function useAssetChoices(clientId: string | null | undefined) {
  return useQuery({
    queryKey: ['assets', 'choices', clientId ?? ''],
    queryFn: () => api<Page<{ id: string; name: string }>>('GET', `/assets${query({ clientId, limit: 200, sort: 'name' })}`),
  });
}

/** The instant `ms` milliseconds ago, as the API takes it. */
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
