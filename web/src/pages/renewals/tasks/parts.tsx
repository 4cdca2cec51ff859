import { useI18n } from '../../../i18n/i18n.tsx';
import type { RenewalTask } from './api.ts';

/** "in 5 days", "today", "3 days overdue". */
export function DaysLeft({ task }: { task: Pick<RenewalTask, 'daysLeft' | 'state'> }) {
  const { t } = useI18n();
  if (task.state === 'done' || task.state === 'cancelled') return <span className="muted">—</span>;
  if (task.daysLeft < 0) return <span className="task-late">{t('tasks.overdueBy', { count: -task.daysLeft })}</span>;
  if (task.daysLeft === 0) return <span className="task-late">{t('tasks.dueToday')}</span>;
  return <>{t('tasks.inDays', { count: task.daysLeft })}</>;
}

export function StateBadge({ task }: { task: Pick<RenewalTask, 'state' | 'snoozedUntil' | 'outcome'> }) {
  const { t, date } = useI18n();
  const label = task.state === 'snoozed' && task.snoozedUntil
    ? t('tasks.snoozedUntil', { date: date(task.snoozedUntil) })
    : task.state === 'done' && task.outcome ? t(`tasks.outcome.${task.outcome}`) : t(`tasks.state.${task.state}`);
  return <span className={`badge task-state-${task.state}`}>{label}</span>;
}
