import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n.tsx';
import { listUsers, USERS_KEY } from '../settings/api.ts';
import { TARGET_KINDS, TARGET_ROLES, type Channel, type Target, type User } from './api.ts';
import { useChannelGroups } from './parts.tsx';

type T = ReturnType<typeof useI18n>['t'];
type TargetView = { kind: Target['kind']; userId?: string | undefined; role?: string | undefined; channelId?: string | undefined };

/** Staff who can be told (client-portal users get the client's channels instead). */
export function useStaff(): User[] {
  const users = useQuery({ queryKey: USERS_KEY, queryFn: listUsers });
  return (users.data?.items ?? []).filter((u) => u.role !== 'client' && !u.disabledAt);
}

/** A target in words: "Maja (user)", "everyone with the role Admin", "the on-call people", "channel Ops mail". */
export function describeTarget(t: T, target: TargetView, users: User[], channels: Channel[]): string {
  switch (target.kind) {
    case 'user':
      return users.find((u) => u.id === target.userId)?.name ?? target.userId ?? '';
    case 'role':
      return t('notif.target.roleNamed', { role: t(`settings.role.${(target.role ?? 'viewer') as 'viewer'}`) });
    case 'channel':
      return t('notif.target.channelNamed', { name: channels.find((c) => c.id === target.channelId)?.name ?? target.channelId ?? '' });
    default:
      return t(`notif.target.${target.kind}`);
  }
}

/** A fresh target of a kind, with the first choice filled in so it is valid as it stands. */
function targetOf(kind: Target['kind'], users: User[], channels: Channel[]): Target {
  switch (kind) {
    case 'user':
      return { kind, userId: users[0]?.id ?? '' };
    case 'role':
      return { kind, role: 'admin' };
    case 'channel':
      return { kind, channelId: channels[0]?.id ?? '' };
    default:
      return { kind };
  }
}

interface Props {
  idPrefix: string;
  label: string;
  targets: Target[];
  onChange: (targets: Target[]) => void;
  error?: string | undefined;
}

/** The list of whom to tell, each a kind and (for a user, role or channel) which one. */
export function TargetsEditor({ idPrefix, label, targets, onChange, error }: Props) {
  const { t } = useI18n();
  const users = useStaff();
  const { all: channels } = useChannelGroups();
  const put = (index: number, target: Target) => onChange(targets.map((x, i) => (i === index ? target : x)));
  return (
    <fieldset className={error ? 'notif-targets has-error' : 'notif-targets'} aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend>{label}</legend>
      {targets.map((target, index) => {
        const n = { n: index + 1 };
        return (
          <div className="notif-target-row" key={index} role="group" aria-label={t('notif.target.n', n)}>
            <select aria-label={t('notif.target.kindN', n)} value={target.kind} onChange={(e) => put(index, targetOf(e.target.value as Target['kind'], users, channels))}>
              {TARGET_KINDS.map((k) => <option key={k} value={k}>{t(`notif.targetKind.${k}`)}</option>)}
            </select>
            {target.kind === 'user' && (
              <select aria-label={t('notif.target.userN', n)} value={target.userId} onChange={(e) => put(index, { kind: 'user', userId: e.target.value })}>
                {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            )}
            {target.kind === 'role' && (
              <select aria-label={t('notif.target.roleN', n)} value={target.role} onChange={(e) => put(index, { kind: 'role', role: e.target.value as (typeof TARGET_ROLES)[number] })}>
                {TARGET_ROLES.map((r) => <option key={r} value={r}>{t(`settings.role.${r}`)}</option>)}
              </select>
            )}
            {target.kind === 'channel' && (
              <select aria-label={t('notif.target.channelN', n)} value={target.channelId} onChange={(e) => put(index, { kind: 'channel', channelId: e.target.value })}>
                {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            )}
            <button type="button" className="secondary" onClick={() => onChange(targets.filter((_, i) => i !== index))} aria-label={t('notif.target.removeN', n)}>
              {t('notif.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...targets, targetOf('user', users, channels)])}>{t('notif.target.add')}</button>
      {error && <p className="field-error" id={`${idPrefix}-error`} role="alert">{error}</p>}
    </fieldset>
  );
}
