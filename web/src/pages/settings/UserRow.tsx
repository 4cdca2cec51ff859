import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role, User } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { changeUser, mayAssign, ROLES, USERS_KEY, type UserChange } from './api.ts';
import { Cell } from './parts.tsx';

interface Props {
  me: User;
  user: User;
  clientName: string | undefined;
  /** The API's refusal (or null once a change went through), shown above the table. */
  onProblem: (problem: { user: User; error: unknown } | null) => void;
}

/** One person: who they are, their role (changeable), and whether they may sign in. */
export function UserRow({ me, user, clientName, onProblem }: Props) {
  const { t, date } = useI18n();
  const queries = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const change = useMutation({
    mutationFn: (patch: UserChange) => changeUser(user.id, patch),
    onError: (error) => {
      setRole(user.role);
      onProblem({ user, error });
    },
    onSuccess: async (changed) => {
      onProblem(null);
      setRole(changed.role);
      // Changing oneself changes what this page may show.
      await queries.invalidateQueries({ queryKey: changed.id === me.id ? [] : USERS_KEY });
    },
  });
  const isMe = user.id === me.id;
  // Client-portal users keep their role: making one needs a client, so that is a new user.
  const changeable = mayAssign(me, user.role) && user.role !== 'client';
  const roles = ROLES.filter((r) => r !== 'client' && mayAssign(me, r));
  const label = { name: user.name };
  return (
    <tr className={user.disabledAt ? 'settings-inactive' : undefined}>
      <Cell label={t('settings.users.person')}>
        <span className="strong">{user.name}</span>
        {isMe && <span className="badge settings-badge-you">{t('settings.users.you')}</span>}
        <span className="muted block settings-email">{user.email}</span>
      </Cell>
      <Cell label={t('settings.users.role')}>
        {changeable ? (
          <div className="settings-role">
            <select value={role} aria-label={t('settings.users.roleOf', label)} onChange={(e) => setRole(e.target.value as Role)} disabled={change.isPending}>
              {roles.map((r) => <option key={r} value={r}>{t(`settings.role.${r}`)}</option>)}
            </select>
            {role !== user.role && (
              <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate({ role })} aria-label={t('settings.users.changeRoleOf', label)}>
                {t('settings.users.changeRole')}
              </button>
            )}
          </div>
        ) : (
          <span>
            {t(`settings.role.${user.role}`)}
            {user.role === 'client' && <span className="muted block">{clientName ?? t('common.none')}</span>}
          </span>
        )}
      </Cell>
      <Cell label={t('settings.users.status')}>
        {user.disabledAt
          ? <span className="badge badge-expired">{t('settings.users.disabledSince', { date: date(user.disabledAt) })}</span>
          : <span className="badge badge-active">{t('settings.users.active')}</span>}
      </Cell>
      <Cell label={t('settings.actions')} className="settings-actions">
        {/* Disabling oneself would end this very session; another owner or admin does that. */}
        {mayAssign(me, user.role) && !isMe && (
          <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate({ disabled: !user.disabledAt })}
            aria-label={t(user.disabledAt ? 'settings.users.enableNamed' : 'settings.users.disableNamed', label)}>
            {t(user.disabledAt ? 'settings.users.enable' : 'settings.users.disable')}
          </button>
        )}
      </Cell>
    </tr>
  );
}
