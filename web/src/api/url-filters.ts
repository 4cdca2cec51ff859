import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the address, so a filtered list can be linked to (every dashboard
 * number is such a link) and survives a reload. Setting a filter replaces the history entry.
 *
 * The router applies an address change as a transition, so a controlled checkbox or select
 * would snap back for a moment after a click; the value just set is shown until the address
 * catches up.
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<string | null>(null);
  const search = params.toString();
  useEffect(() => setPending(null), [search]);
  const current = pending === null ? params : new URLSearchParams(pending);
  const filters = Object.fromEntries(names.map((name) => [name, current.get(name) ?? undefined])) as Record<Name, string | undefined>;
  const setFilter = (name: Name, value: string) => {
    const next = new URLSearchParams(current);
    if (value) next.set(name, value);
    else next.delete(name);
    setPending(next.toString());
    setParams(next, { replace: true });
  };
  return { filters, setFilter };
}
