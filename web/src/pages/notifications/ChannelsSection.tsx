import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../settings/parts.tsx';
import { ChannelForm } from './ChannelForm.tsx';
import { ChannelRow } from './ChannelRow.tsx';
import { SectionHead, useChannelGroups } from './parts.tsx';

/** The person's own channels, or the agency-wide ones: listed, tested, changed, and a form to add one. */
export function ChannelsSection({ agencyWide = false }: { agencyWide?: boolean }) {
  const { t } = useI18n();
  const groups = useChannelGroups();
  const [editing, setEditing] = useState<string | null>(null);
  const channels = agencyWide ? groups.agency : groups.mine;
  const prefix = agencyWide ? 'agency-channel' : 'my-channel';
  const heading = `${prefix}s-heading`;
  return (
    <section className="settings-section" aria-labelledby={heading}>
      <SectionHead id={heading} title={t(agencyWide ? 'notif.channels.agencyTitle' : 'notif.channels.title')} intro={t(agencyWide ? 'notif.channels.agencyIntro' : 'notif.channels.intro')} />
      <ProblemAlert error={groups.error} />
      {groups.isPending && <p className="loading">{t('common.loading')}</p>}
      {!groups.isPending && channels.length === 0 && <p className="empty">{t('notif.channels.empty')}</p>}
      {channels.length > 0 && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t(agencyWide ? 'notif.channels.agencyTitle' : 'notif.channels.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notif.channel.name')}</th>
                <th scope="col">{t('notif.channel.target')}</th>
                <th scope="col">{t('notif.channel.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <ChannelRow key={c.id} channel={c} mayChange editing={editing === c.id} onEdit={(on) => setEditing(on ? c.id : null)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && channels.some((c) => c.id === editing) && (
        <ChannelForm key={editing} channel={channels.find((c) => c.id === editing)!} idPrefix={`${prefix}-edit`} onDone={() => setEditing(null)} />
      )}
      <ChannelForm agencyWide={agencyWide} idPrefix={`${prefix}-new`} />
    </section>
  );
}
