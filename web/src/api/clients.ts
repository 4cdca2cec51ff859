import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';
import type { Client } from './types.ts';

/** The first clients by name, for filters and forms (a searchable picker comes with larger agencies). */
export function useClients() {
  return useQuery({ queryKey: ['clients'], queryFn: () => api<Page<Client>>('GET', '/clients?limit=200') });
}
