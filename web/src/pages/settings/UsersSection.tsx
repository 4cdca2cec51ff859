import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClients } from '../../api/clients.ts';
import type { User } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { listUsers, USER_LIMIT, USERS_KEY } from './api.ts';
import { NewUserForm } from './NewUserForm.tsx';
import { ProblemAlert } from './parts.tsx';
import { UserRow } from './UserRow.tsx';

/** Owners and admins: everyone who signs in, a way to add people, change roles, disable. */
export function UsersSection({ me }: { me: User }) {
  const { t } = useI18n();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: listUsers });
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const [problem, setProblem] = useState<{ user: User; error: unknown } | null>(null);
  const rows = users.data?.items ?? [];
  return (
    <section className="settings-section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('settings.users.title')}</h2>
      <p className="muted settings-intro">{t('settings.users.intro')}</p>
      <NewUserForm me={me} />
      <h3 className="settings-subheading">{t('settings.users.listTitle')}</h3>
      {problem && <ProblemAlert error={problem.error} lead={t('settings.users.changeFailed', { name: problem.user.name })} />}
      <ProblemAlert error={users.error} />
      {users.isPending && <p className="loading">{t('common.loading')}</p>}
      {users.isSuccess && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('settings.users.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.users.person')}</th>
                <th scope="col">{t('settings.users.role')}</th>
                <th scope="col">{t('settings.users.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <UserRow key={`${u.id}:${u.role}`} me={me} user={u} clientName={u.clientId ? clientName.get(u.clientId) : undefined} onProblem={setProblem} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.data?.nextCursor && <p className="muted">{t('settings.users.limited', { count: USER_LIMIT })}</p>}
    </section>
  );
}
