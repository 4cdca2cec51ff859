import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { loadClients, loadPolicies, loadStaff, removeOverride, type PolicyOverride } from './policies/api.ts';
import { DefaultPolicyForm } from './policies/DefaultPolicyForm.tsx';
import { OverrideForm } from './policies/OverrideForm.tsx';
import { OverridesTable } from './policies/OverridesTable.tsx';

/** Renewal policies: the agency default and the overrides per client, asset kind or asset. Owners and admins. */
export function PoliciesPage() {
  const { user } = useSession();
  if (user?.role !== 'owner' && user?.role !== 'admin') return <NotAllowed />;
  return <Policies />;
}

function Policies() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [editing, setEditing] = useState<PolicyOverride | null | 'new'>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const policies = useInfiniteQuery({
    queryKey: ['renewal-policies'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => loadPolicies(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const staff = useQuery({ queryKey: ['renewal-policies', 'staff'], queryFn: loadStaff });
  const clients = useQuery({ queryKey: ['renewal-policies', 'clients'], queryFn: loadClients });
  const first = policies.data?.pages[0];
  if (!first || !staff.data) return <section><h1>{t('renewals.policy.title')}</h1>{policies.error && <p className="alert" role="alert">{policies.error.message}</p>}</section>;
  const overrides = policies.data?.pages.flatMap((p) => p.overrides) ?? [];
  const remove = async (o: PolicyOverride) => {
    try {
      await removeOverride(o.scope, o.target);
      setNotice(t('renewals.override.removed', { name: o.targetName }));
      setProblem(null);
      await queries.invalidateQueries({ queryKey: ['renewal-policies'] });
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  const done = (message: string | null) => {
    setEditing(null);
    setNotice(message);
  };
  return (
    <section className="policies-page">
      <h1>{t('renewals.policy.title')}</h1>
      <p className="muted">{t('renewals.policy.intro')}</p>
      <DefaultPolicyForm policy={first.default} staff={staff.data} />
      <div className="page-head">
        <h2>{t('renewals.override.title')}</h2>
        {editing === null && <button type="button" onClick={() => setEditing('new')}>{t('renewals.override.add')}</button>}
      </div>
      <p className="asset-notice" role="status">{notice}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      {editing !== null && (
        <OverrideForm
          key={editing === 'new' ? 'new' : editing.id}
          base={first.default}
          staff={staff.data}
          clients={clients.data ?? []}
          editing={editing === 'new' ? null : editing}
          onDone={(saved) => done(saved ? t('renewals.override.saved') : null)}
        />
      )}
      <OverridesTable overrides={overrides} staff={staff.data} onEdit={(o) => { setNotice(null); setEditing(o); }} onRemove={(o) => void remove(o)} />
      {policies.hasNextPage && <button type="button" className="secondary" onClick={() => void policies.fetchNextPage()}>{t('common.more')}</button>}
    </section>
  );
}
