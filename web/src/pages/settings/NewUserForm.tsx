import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useClients } from '../../api/clients.ts';
import type { Role, User } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createUser, fieldError, mayAssign, ROLES, USERS_KEY, type NewUser } from './api.ts';
import { ProblemAlert } from './parts.tsx';

const SHOWN_FIELDS = ['name', 'email', 'role', 'clientId', 'password'] as const;

/** Adds a person: staff with a role, or a client-portal user bound to one client. */
export function NewUserForm({ me }: { me: User }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const clients = useClients();
  const [role, setRole] = useState<Role>('viewer');
  const [added, setAdded] = useState<User | null>(null);
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      setAdded(user);
      await queries.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const user: NewUser = { email: f.email ?? '', name: f.name ?? '', role };
    if (role === 'client') user.clientId = f.clientId ?? '';
    if (f.password) user.password = f.password;
    setAdded(null);
    create.mutate(user, {
      onSuccess: () => {
        form.reset();
        setRole('viewer');
      },
    });
  };
  const error = create.error;
  const clientList = clients.data?.items ?? [];
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-user-heading">
      <h3 id="new-user-heading">{t('settings.users.new')}</h3>
      <div className="form-grid">
        <Field id="new-user-name" label={t('settings.users.name')} error={fieldError(error, 'name')}>
          <input id="new-user-name" name="name" required maxLength={200} autoComplete="off" />
        </Field>
        <Field id="new-user-email" label={t('settings.users.email')} error={fieldError(error, 'email')}>
          <input id="new-user-email" name="email" type="email" required maxLength={254} autoComplete="off" />
        </Field>
        <div>
          <Field id="new-user-role" label={t('settings.users.role')} error={fieldError(error, 'role')}>
            <select id="new-user-role" value={role} aria-describedby="new-user-role-hint" onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.filter((r) => mayAssign(me, r)).map((r) => <option key={r} value={r}>{t(`settings.role.${r}`)}</option>)}
            </select>
          </Field>
          <p className="settings-hint" id="new-user-role-hint">{t(`settings.roleHint.${role}`)}</p>
        </div>
        {role === 'client' && (
          <div>
            <Field id="new-user-client" label={t('settings.users.client')} error={fieldError(error, 'clientId')}>
              <select id="new-user-client" name="clientId" required defaultValue="" aria-describedby="new-user-client-hint">
                <option value="" disabled>{t('settings.users.pickClient')}</option>
                {clientList.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </Field>
            <p className="settings-hint" id="new-user-client-hint">
              {clients.isSuccess && clientList.length === 0 ? t('settings.users.noClients') : t('settings.users.clientHint')}
            </p>
          </div>
        )}
        <div>
          <Field id="new-user-password" label={t('settings.users.password')} error={fieldError(error, 'password')}>
            <input id="new-user-password" name="password" type="password" minLength={10} maxLength={200} autoComplete="new-password" aria-describedby="new-user-password-hint" />
          </Field>
          <p className="settings-hint" id="new-user-password-hint">{t('settings.users.passwordHint')}</p>
        </div>
        <ProblemAlert error={error} shown={SHOWN_FIELDS} />
        {added && <p className="settings-success" role="status">{t('settings.users.added', { name: added.name, email: added.email })}</p>}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>{create.isPending ? t('settings.busy') : t('settings.users.add')}</button>
        </div>
      </div>
    </form>
  );
}
