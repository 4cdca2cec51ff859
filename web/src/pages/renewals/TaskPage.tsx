import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { canWrite, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTask, type TaskDetail } from './tasks/api.ts';
import { Comments } from './tasks/Comments.tsx';
import { CompleteForm } from './tasks/CompleteForm.tsx';
import { CostHistory } from './tasks/CostHistory.tsx';
import { DaysLeft, StateBadge } from './tasks/parts.tsx';
import { PushForm } from './tasks/PushForm.tsx';
import { TaskActions } from './tasks/TaskActions.tsx';

/** One renewal task: what is renewed, who works on it, the conversation, and completing it. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const task = useTask(id);
  if (task.isError) return <p className="alert" role="alert">{task.error instanceof ApiError && task.error.status === 404 ? t('tasks.notFound') : String(task.error)}</p>;
  if (!task.data) return <p className="loading">{t('common.loading')}</p>;
  const writable = canWrite(user);
  const open = task.data.state !== 'done' && task.data.state !== 'cancelled';
  const refresh = async () => {
    await queries.invalidateQueries({ queryKey: ['task', id] });
    await queries.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <section className="task-page">
      <p><Link to="/renewals/tasks">{t('tasks.back')}</Link></p>
      <TaskHead task={task.data} />
      {writable && open && <TaskActions task={task.data} onChanged={refresh} />}
      {writable && open && <CompleteForm task={task.data} onDone={refresh} />}
      <Comments task={task.data} writable={writable} onAdded={refresh} />
      {writable && <PushForm task={task.data} onPushed={refresh} />}
      <CostHistory costs={task.data.costs} />
    </section>
  );
}

function TaskHead({ task }: { task: TaskDetail }) {
  const { t, date, money } = useI18n();
  return (
    <>
      <div className="page-head">
        <h1>{task.asset.name}</h1>
        <span><StateBadge task={task} />{task.escalated && <span className="badge task-escalated">{t('tasks.escalated')}</span>}</span>
      </div>
      <dl className="task-facts">
        <div><dt>{t('tasks.asset')}</dt><dd><Link to={`/assets/${task.asset.id}`}>{task.asset.identifier}</Link> <span className="muted">({t(`kind.${task.asset.kind}`)})</span></dd></div>
        <div><dt>{t('tasks.client')}</dt><dd><Link to={`/clients/${task.client.id}`}>{task.client.name}</Link></dd></div>
        <div><dt>{t('tasks.renewalOn')}</dt><dd>{date(task.renewalOn)}</dd></div>
        <div><dt>{t('tasks.dueOn')}</dt><dd>{date(task.dueOn)}{task.state !== 'done' && task.state !== 'cancelled' && <> · <DaysLeft task={task} /></>}</dd></div>
        <div><dt>{t('tasks.currentExpiry')}</dt><dd>{date(task.asset.expiresOn)}</dd></div>
        <div><dt>{t('tasks.price')}</dt><dd>{task.asset.renewalAmount === null ? '—' : money(task.asset.renewalAmount, task.asset.currency)}{task.asset.autoRenew && <span className="muted"> · {t('tasks.autoRenew')}</span>}</dd></div>
        <div><dt>{t('tasks.assignee')}</dt><dd>{task.assignee?.name ?? t('tasks.unassigned')}</dd></div>
        {task.outcome && <div><dt>{t('tasks.outcome')}</dt><dd>{t(`tasks.outcome.${task.outcome}`)}{task.renewedUntil && ` · ${t('tasks.until', { date: date(task.renewedUntil) })}`}</dd></div>}
      </dl>
    </>
  );
}
