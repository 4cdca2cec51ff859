import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Asset } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { retireAsset } from './api.ts';

/** Retire, after a confirmation in a modal dialog (Escape or Cancel keeps the asset as it is). */
export function RetireButton({ asset, onRetired }: { asset: Asset; onRetired: (asset: Asset) => Promise<void> }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = () => {
    setError(null);
    dialog.current?.showModal();
    // The safe choice has the focus, so a stray Enter keeps the asset.
    cancel.current?.focus();
  };
  const confirm = async () => {
    setBusy(true);
    try {
      const retired = await retireAsset(asset.id);
      dialog.current?.close();
      await onRetired(retired);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary danger" onClick={open}>
        {t('asset.retire')}
      </button>
      <dialog ref={dialog} className="asset-dialog" aria-labelledby="asset-retire-title" aria-describedby="asset-retire-text">
        <h2 id="asset-retire-title">{t('asset.retireTitle')}</h2>
        <p id="asset-retire-text">{t('asset.retireText', { name: asset.name })}</p>
        {error && <p className="alert" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>{t('asset.retireConfirm')}</button>
          <button type="button" className="secondary" ref={cancel} onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
        </div>
      </dialog>
    </>
  );
}
