import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { NewApiToken } from './api.ts';

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
 * The new token, shown this once: the API keeps only its hash. The panel takes the focus so a
 * screen reader starts at the warning, and stays until the person says they have it.
 */
export function TokenReveal({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    heading.current?.focus();
    setCopied(null);
  }, [token.id]);
  const copy = async () => setCopied(await copyText(token.token, input.current));
  return (
    <section className="settings-reveal" aria-labelledby="token-reveal-heading">
      <h3 id="token-reveal-heading" ref={heading} tabIndex={-1}>{t('settings.reveal.title', { name: token.name })}</h3>
      <p className="settings-reveal-warning" id="token-reveal-warning">{t('settings.reveal.once')}</p>
      <label htmlFor="token-reveal-value" className="strong">{t('settings.reveal.label')}</label>
      <div className="settings-reveal-value">
        <input id="token-reveal-value" ref={input} readOnly value={token.token} spellCheck={false} autoComplete="off"
          aria-describedby="token-reveal-warning" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()}>{t('settings.reveal.copy')}</button>
      </div>
      <p className="settings-hint" role="status">
        {copied === true && t('settings.reveal.copied')}
        {copied === false && t('settings.reveal.copyFailed')}
      </p>
      <p className="settings-hint">{t('settings.reveal.usage')} <code>Authorization: Bearer …</code></p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>{t('settings.reveal.done')}</button>
      </div>
    </section>
  );
}
