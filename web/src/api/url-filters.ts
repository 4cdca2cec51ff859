import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the address, so a filtered list can be linked to (every dashboard
 * number is such a link) and survives a reload. Setting a filter replaces the history entry.
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined])) as Record<Name, string | undefined>;
  const setFilter = (name: Name, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return { filters, setFilter };
}
