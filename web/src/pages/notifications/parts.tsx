import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { KEYS, listChannels, type Channel, type ChannelStatus, type NotificationStatus } from './api.ts';

/** Small pieces the notification pages share. */

const CHANNEL_BADGE: Record<ChannelStatus, string> = { ok: 'badge-active', failing: 'badge-expiring', broken: 'badge-expired' };
export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${CHANNEL_BADGE[status]}`}>{t(`notif.channelStatus.${status}`)}</span>;
}

const NOTIFICATION_BADGE: Record<NotificationStatus, string> = { queued: '', sending: '', retrying: 'badge-expiring', sent: 'badge-active', gave_up: 'badge-expired' };
export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${NOTIFICATION_BADGE[status]}`}>{t(`notif.status.${status}`)}</span>;
}

/**
 * Every channel this person may see (their own and the agency-wide ones; all of them for people
 * who manage notifications), one query shared by the sections.
 */
export function useChannels() {
  return useQuery({ queryKey: KEYS.channels, queryFn: () => listChannels() });
}

export function useChannelGroups(): { mine: Channel[]; agency: Channel[]; all: Channel[]; isPending: boolean; error: unknown } {
  const { user } = useSession();
  const channels = useChannels();
  return useMemo(() => {
    const all = channels.data?.items ?? [];
    return {
      all,
      mine: all.filter((c) => c.ownerUserId !== null && c.ownerUserId === user?.id),
      agency: all.filter((c) => c.ownerUserId === null),
      isPending: channels.isPending,
      error: channels.error,
    };
  }, [channels.data, channels.isPending, channels.error, user?.id]);
}

/** ISO weekdays 1 (Monday) … 7 (Sunday) named in the person's language. */
export function useWeekdays(style: 'short' | 'long' = 'short'): { day: number; name: string }[] {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    return [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, name: format.format(new Date(Date.UTC(2024, 0, day))) }));
  }, [locale, style]);
}

/** A section heading with its intro line, as the settings pages have them. */
export function SectionHead({ id, title, intro }: { id: string; title: string; intro?: string }) {
  return (
    <>
      <h2 id={id}>{title}</h2>
      {intro && <p className="muted settings-intro">{intro}</p>}
    </>
  );
}

/** An event type in words; unknown ones (from a newer server) as they are. */
export function eventName(t: ReturnType<typeof useI18n>['t'], type: string): string {
  const key = `notif.event.${type}` as 'notif.event.digest';
  const name = t(key);
  return name === key ? type : name;
}
