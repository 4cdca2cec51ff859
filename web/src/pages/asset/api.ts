import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../api/client.ts';
import type { Asset, Client, Money, Project, User } from '../../api/types.ts';
import type { AuditEntryView } from '../../../../src/platform/audit/store.ts';
import type { Provider } from '../../../../src/registry/clients.model.ts';

/** The asset API as the detail page uses it, in the server's own types. */
export type AuditEntry = Omit<AuditEntryView, 'before' | 'after'> & { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
export type AssetPatch = Partial<Pick<Asset, 'name' | 'expiresOn' | 'billingCycle' | 'autoRenew' | 'tags' | 'notes' | 'status'>> & { renewalPrice?: Money | null };

export const assetKey = (id: string) => ['asset', id] as const;
export const historyKey = (id: string) => ['audit', 'asset', id] as const;

export function useAsset(id: string) {
  return useQuery({ queryKey: assetKey(id), queryFn: () => api<Asset>('GET', `/assets/${encodeURIComponent(id)}`) });
}

/** One record by id for a name to show; a missing or forbidden one simply shows no name. */
function useNamed<T>(kind: 'client' | 'provider' | 'project' | 'user', path: string, id: string | null, enabled = true) {
  return useQuery({
    queryKey: [kind, id],
    enabled: enabled && id !== null,
    staleTime: 60_000,
    queryFn: () => api<T>('GET', `/${path}/${encodeURIComponent(id!)}`),
  });
}

export const useClient = (id: string) => useNamed<Client>('client', 'clients', id);
export const useProvider = (id: string | null) => useNamed<Provider>('provider', 'providers', id);
export const useProject = (id: string) => useNamed<Project>('project', 'projects', id);
/** Only owners and admins may read other users; everyone else passes `enabled: false`. */
export const useUser = (id: string | null, enabled: boolean) => useNamed<User>('user', 'users', id, enabled);

/** The asset's audit entries, newest first, fifty at a time. */
export function useAssetHistory(id: string) {
  return useInfiniteQuery({
    queryKey: historyKey(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<AuditEntry>>('GET', `/audit${query({ entityType: 'asset', entityId: id, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const patchAsset = (id: string, patch: AssetPatch) => api<Asset>('PATCH', `/assets/${encodeURIComponent(id)}`, patch);
export const retireAsset = (id: string) => api<Asset>('DELETE', `/assets/${encodeURIComponent(id)}`);

/** Called from a click, never through react-query: a secret's value must not sit in a cache. */
export const revealSecret = (id: string, name: string) =>
  api<{ name: string; value: string }>('POST', `/assets/${encodeURIComponent(id)}/secrets/${encodeURIComponent(name)}/reveal`);
