import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RenewalTask } from './api.ts';
import { DaysLeft, StateBadge } from './parts.tsx';

/** One task of the inbox; an overdue one is marked like an alarm tile. */
export function TaskRow({ task }: { task: RenewalTask }) {
  const { t, date } = useI18n();
  const overdue = task.daysLeft < 0 && task.state !== 'done' && task.state !== 'cancelled';
  return (
    <tr className={overdue ? 'task-overdue' : undefined}>
      <td>
        <Link className="strong" to={`/renewals/tasks/${task.id}`}>{task.asset.name}</Link>
        <span className="muted block">{t(`kind.${task.asset.kind}`)}{task.asset.identifier !== task.asset.name && ` · ${task.asset.identifier}`}</span>
      </td>
      <td>{task.client.name}</td>
      <td>
        {date(task.dueOn)}
        {task.dueOn !== task.renewalOn && <span className="muted block">{t('tasks.renewsOn', { date: date(task.renewalOn) })}</span>}
      </td>
      <td><DaysLeft task={task} /></td>
      <td>
        <StateBadge task={task} />
        {task.escalated && <span className="badge task-escalated">{t('tasks.escalated')}</span>}
      </td>
      <td>{task.assignee?.name ?? <span className="muted">{t('tasks.unassigned')}</span>}</td>
    </tr>
  );
}
