import { useClients } from '../api/clients.ts';
import { useAssetChoices, useMonitorChoices, useProjects, type ScopeType } from './monitors/api.ts';

type Choice = { id: string; name: string };

/** What a maintenance window can cover, by kind of scope, as id and name (the first 200 of each). */
function useAllScopes(): Record<ScopeType, Choice[]> {
  const monitors = useMonitorChoices();
  const assets = useAssetChoices(undefined);
  const projects = useProjects(undefined);
  const clients = useClients();
  return { monitor: monitors.data?.items ?? [], asset: assets.data?.items ?? [], project: projects.data?.items ?? [], client: clients.data?.items ?? [] };
}

export function useScopeChoices(scopeType: ScopeType): Choice[] {
  return useAllScopes()[scopeType];
}

/** Every scope's name by id, to show what a window covers. */
export function useScopeNames(): Map<string, string> {
  return new Map(Object.values(useAllScopes()).flat().map((c) => [c.id, c.name]));
}
