import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './client.ts';
import type { User } from './types.ts';

/** Who is signed in (or null), loaded once and shared; signing in or out refreshes it. */
interface Session {
  user: User | null;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session>({ user: null, refresh: async () => undefined });

async function loadSession(): Promise<User | null> {
  try {
    const me = await api<{ user: User; csrfToken: string | null }>('GET', '/me');
    setCsrfToken(me.csrfToken);
    return me.user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const queries = useQueryClient();
  const session = useQuery({ queryKey: ['session'], queryFn: loadSession, staleTime: Infinity });
  if (session.isPending) return <>{fallback}</>;
  const refresh = async () => {
    await queries.resetQueries();
  };
  return <SessionContext.Provider value={{ user: session.data ?? null, refresh }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

export const isStaff = (user: User | null) => user !== null && user.role !== 'client';
export const canWrite = (user: User | null) => user !== null && ['owner', 'admin', 'manager'].includes(user.role);
/** Plans and business calendars of the desk (desk:manage). */
export const canManageDesk = (user: User | null) => user !== null && ['owner', 'admin'].includes(user.role);
