import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Cell, ProblemAlert, useDateTime } from '../settings/parts.tsx';
import { deleteChannel, KEYS, testChannel, type Channel, type TestResult } from './api.ts';
import { ChannelStatusBadge } from './parts.tsx';

interface Props {
  channel: Channel;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  /** Whether this person may change the channel (an agency-wide one in "my channels" is only chosen). */
  mayChange: boolean;
}

/** One channel: where it sends, whether it works (and why not), a test message now, change or delete. */
export function ChannelRow({ channel, editing, onEdit, mayChange }: Props) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const queries = useQueryClient();
  const [result, setResult] = useState<TestResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const test = useMutation({
    mutationFn: () => testChannel(channel.id),
    onSuccess: async (outcome) => {
      setResult(outcome);
      await queries.invalidateQueries({ queryKey: KEYS.channels });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteChannel(channel.id),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEYS.channels }),
  });
  const named = { name: channel.name };
  return (
    <tr className={channel.status === 'broken' ? 'notif-broken' : undefined}>
      <Cell label={t('notif.channel.name')}>
        <span className="strong">{channel.name}</span>
        <span className="muted block">{t(`notif.kind.${channel.kind}`)}{channel.ownerUserId === null ? ` · ${t('notif.channel.agencyWide')}` : ''}</span>
      </Cell>
      <Cell label={t('notif.channel.target')}><span className="notif-target">{channel.target}</span></Cell>
      <Cell label={t('notif.channel.status')}>
        <div className="notif-status">
          <ChannelStatusBadge status={channel.status} />
          {channel.statusReason && <span className="notif-reason">{channel.statusReason}</span>}
          {channel.lastSentAt && <span className="muted block">{t('notif.channel.lastSent', { when: dateTime(channel.lastSentAt) })}</span>}
          <span role="status" className="notif-test-result">
            {result?.ok && <span className="notif-ok">{t('notif.channel.testSent')}</span>}
            {result && !result.ok && (
              <span className="notif-failed">{t(result.failure === 'permanent' ? 'notif.channel.testFailedPermanent' : 'notif.channel.testFailed', { reason: result.reason ?? '' })}</span>
            )}
          </span>
        </div>
        <ProblemAlert error={test.error ?? remove.error} />
      </Cell>
      <Cell label={t('settings.actions')} className="settings-actions">
        <div className="notif-row-actions">
          <button type="button" className="secondary" disabled={test.isPending} onClick={() => { setResult(null); test.mutate(); }} aria-label={t('notif.channel.testNamed', named)}>
            {test.isPending ? t('notif.channel.testing') : t('notif.channel.test')}
          </button>
          {mayChange && (
            <button type="button" className="secondary" aria-expanded={editing} onClick={() => onEdit(!editing)} aria-label={t('notif.channel.editNamed', named)}>
              {t('notif.channel.edit')}
            </button>
          )}
          {mayChange && !confirming && (
            <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={t('notif.channel.deleteNamed', named)}>{t('notif.delete')}</button>
          )}
          {mayChange && confirming && (
            <span className="settings-confirm" role="group" aria-label={t('notif.channel.deleteNamed', named)}>
              <span>{t('notif.channel.deleteQuestion')}</span>
              <button type="button" className="settings-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>{t('notif.deleteYes')}</button>
              <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
            </span>
          )}
        </div>
      </Cell>
    </tr>
  );
}
