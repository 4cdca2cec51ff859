import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A heartbeat's ping URL with what to put in the job: shown once after creation (Upkeep keeps
 * only a hash of it) and again through the audited reveal.
 */
export function PingUrl({ url, once }: { url: string; once: boolean }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  };
  const examples: [string, string][] = [
    [t('monitors.ping.success'), `curl -fsS -m 10 --retry 3 ${url}`],
    [t('monitors.ping.start'), `curl -fsS -m 10 --retry 3 ${url}/start`],
    [t('monitors.ping.fail'), `curl -fsS -m 10 --retry 3 ${url}/fail`],
    [t('monitors.ping.exitCode'), `/usr/local/bin/backup.sh; curl -fsS -m 10 --retry 3 ${url}/$?`],
  ];
  return (
    <section className="card asset-section ping-url" aria-labelledby="ping-url-title">
      <h2 id="ping-url-title">{t('monitors.ping.title')}</h2>
      {once && <p className="settings-reveal-warning">{t('monitors.ping.once')}</p>}
      <div className="settings-reveal-value">
        <input readOnly value={url} aria-label={t('monitors.ping.title')} onFocus={(e) => e.target.select()} />
        <button type="button" className="secondary" onClick={() => void copy()}>{copied ? t('monitors.ping.copied') : t('monitors.ping.copy')}</button>
      </div>
      <p>{t('monitors.ping.howTo')}</p>
      <dl className="ping-examples">
        {examples.map(([label, command]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd><code>{command}</code></dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
