import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { useClients } from '../../../api/clients.ts';
import { canWrite, useSession } from '../../../api/session.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useFeeds, type CalendarFeed } from './api.ts';

/** Puts text on the clipboard; plain-http sites (no Clipboard API) fall back to copying the selection. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): try the selection below.
  }
  input?.select();
  return document.execCommand('copy');
}

/**
 * Secret calendar links: one's own (renewals one is responsible for and one's tasks) and, for
 * staff who work renewals, one per client (its renewal dates only, to hand to the client).
 */
export function SubscribePanel() {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const feeds = useFeeds();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const all = feeds.data?.items ?? [];
  const mine = all.filter((f) => f.ownerType === 'user' && f.ownerId === user?.id);
  const clientFeeds = all.filter((f) => f.ownerType === 'client');
  const run = async (work: () => Promise<unknown>, message: string) => {
    try {
      await work();
      setProblem(null);
      await queries.invalidateQueries({ queryKey: ['calendar-feeds'] });
      setNotice(message);
    } catch (err) {
      setNotice(null);
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  const create = (body: { ownerType: 'user' | 'client'; ownerId?: string }) => run(() => api('POST', '/calendar-feeds', body), t('calendar.created'));
  const revoke = (feed: CalendarFeed) => {
    if (!window.confirm(t('calendar.revokeConfirm'))) return;
    void run(() => api('DELETE', `/calendar-feeds/${feed.id}`), t('calendar.revoked'));
  };
  return (
    <section className="cal-subscribe" aria-labelledby="cal-subscribe-heading">
      <h2 id="cal-subscribe-heading">{t('calendar.subscribe')}</h2>
      <p className="muted">{t('calendar.subscribeIntro')}</p>
      <p className="asset-notice" role="status">{notice}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      <h3>{t('calendar.myLink')}</h3>
      {mine.map((f) => <FeedLink key={f.id} feed={f} label={t('calendar.myLinkLabel')} onRevoke={() => revoke(f)} />)}
      {feeds.isSuccess && mine.length === 0 && (
        <button type="button" onClick={() => void create({ ownerType: 'user' })}>{t('calendar.createMine')}</button>
      )}
      <Instructions />
      {canWrite(user) && <ClientLinks feeds={clientFeeds} onCreate={(clientId) => void create({ ownerType: 'client', ownerId: clientId })} onRevoke={revoke} />}
    </section>
  );
}

function FeedLink({ feed, label, onRevoke }: { feed: CalendarFeed; label: string; onRevoke: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const id = `cal-feed-${feed.id}`;
  return (
    <div className="cal-feed">
      <label htmlFor={id}>{label}</label>
      <div className="cal-feed-row">
        <input id={id} ref={input} readOnly value={feed.url} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copyText(feed.url, input.current).then(setCopied)}>{t('calendar.copy')}</button>
        <button type="button" className="secondary" onClick={onRevoke}>{t('calendar.revoke')}</button>
      </div>
      <p className="muted cal-hint" role="status">
        {copied === true && t('calendar.copied')}
        {copied === false && t('calendar.copyFailed')}
      </p>
    </div>
  );
}

function Instructions() {
  const { t } = useI18n();
  return (
    <details className="cal-howto">
      <summary>{t('calendar.howto')}</summary>
      <dl>
        <dt>Google Calendar</dt>
        <dd>{t('calendar.howto.google')}</dd>
        <dt>Outlook</dt>
        <dd>{t('calendar.howto.outlook')}</dd>
        <dt>Apple Calendar</dt>
        <dd>{t('calendar.howto.apple')}</dd>
      </dl>
      <p className="muted">{t('calendar.howto.refresh')}</p>
    </details>
  );
}

function ClientLinks({ feeds, onCreate, onRevoke }: { feeds: CalendarFeed[]; onCreate: (clientId: string) => void; onRevoke: (feed: CalendarFeed) => void }) {
  const { t } = useI18n();
  const clients = useClients();
  const [clientId, setClientId] = useState('');
  return (
    <>
      <h3>{t('calendar.clientLinks')}</h3>
      <p className="muted">{t('calendar.clientLinksIntro')}</p>
      <div className="cal-client-create">
        <label>{t('calendar.client')}
          <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
            <option value="">{t('calendar.chooseClient')}</option>
            {clients.data?.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <button type="button" className="secondary" disabled={!clientId} onClick={() => onCreate(clientId)}>{t('calendar.createClient')}</button>
      </div>
      {feeds.map((f) => <FeedLink key={f.id} feed={f} label={t('calendar.clientLinkLabel', { client: f.ownerName })} onRevoke={() => onRevoke(f)} />)}
    </>
  );
}
