import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Monitor, MonitorView } from './api.ts';

/** Check now, pause or resume, edit and delete (after a confirmation). */
export function MonitorActions({ monitor: m, onChanged, onEdit, onDeleted, onError }: {
  monitor: Monitor;
  onChanged(next: MonitorView, notice: string): void;
  onEdit(): void;
  onDeleted(): void;
  onError(message: string): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async (action: 'check' | 'pause' | 'resume', notice: string) => {
    setBusy(true);
    try {
      onChanged(await api<MonitorView>('POST', `/monitors/${m.id}/${action}`), notice);
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const checking = m.checkRequestedAt !== null;
  return (
    <div className="actions monitor-actions">
      {m.kind !== 'heartbeat' && !m.paused && (
        <button type="button" disabled={busy || checking} onClick={() => void run('check', t('monitors.checkRequested'))}>
          {checking ? t('monitors.checking') : t('monitors.checkNow')}
        </button>
      )}
      {m.paused
        ? <button type="button" className="secondary" disabled={busy} onClick={() => void run('resume', t('monitors.resumed'))}>{t('monitors.resume')}</button>
        : <button type="button" className="secondary" disabled={busy} onClick={() => void run('pause', t('monitors.paused'))}>{t('monitors.pause')}</button>}
      <button type="button" className="secondary" onClick={onEdit}>{t('monitors.edit')}</button>
      <DeleteButton monitor={m} onDeleted={onDeleted} />
    </div>
  );
}

function DeleteButton({ monitor, onDeleted }: { monitor: Monitor; onDeleted(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await api('DELETE', `/monitors/${monitor.id}`);
      dialog.current?.close();
      onDeleted();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <>
      <button type="button" className="secondary danger" onClick={() => { setError(null); dialog.current?.showModal(); cancel.current?.focus(); }}>
        {t('monitors.delete')}
      </button>
      <dialog ref={dialog} className="asset-dialog" aria-labelledby="monitor-delete-title" aria-describedby="monitor-delete-text">
        <h2 id="monitor-delete-title">{t('monitors.deleteTitle')}</h2>
        <p id="monitor-delete-text">{t('monitors.deleteText', { name: monitor.name })}</p>
        {error && <p className="alert" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" className="danger" onClick={() => void confirm()}>{t('monitors.deleteConfirm')}</button>
          <button type="button" className="secondary" ref={cancel} onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
        </div>
      </dialog>
    </>
  );
}
