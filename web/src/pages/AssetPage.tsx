import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { canWrite, useSession } from '../api/session.tsx';
import type { Asset } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { assetKey, useAsset } from './asset/api.ts';
import { AssetDetails, AssetNotes, CustomFields } from './asset/AssetDetails.tsx';
import { AssetEditForm } from './asset/AssetEditForm.tsx';
import { HistorySection } from './asset/HistorySection.tsx';
import { RetireButton } from './asset/RetireButton.tsx';
import { SecretsSection } from './asset/SecretsSection.tsx';
import { AssetMonitors } from './monitors/AssetMonitors.tsx';

/** Everything about one service in one place; staff who may change it edit and retire it here. */
export function AssetPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const asset = useAsset(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Back from the form, focus goes where the person left off.
    if (!editing && returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  if (asset.isError) {
    const missing = asset.error instanceof ApiError && asset.error.status === 404;
    return (
      <section className="asset-page">
        <BackLink />
        <h1>{t('asset.title')}</h1>
        <p className="alert" role="alert">{missing ? t('asset.notFound') : asset.error.message}</p>
      </section>
    );
  }
  if (!asset.data) return <p className="loading">{t('common.loading')}</p>;
  const a = asset.data;
  const writable = canWrite(user);
  const changed = async (next: Asset, message: string) => {
    queries.setQueryData(assetKey(id), next);
    setNotice(message);
    // Lists, totals and the history all show this asset; the fresh copy above stays as it is.
    await queries.invalidateQueries({ predicate: (q) => !(q.queryKey[0] === 'asset' && q.queryKey[1] === id) && q.queryKey[0] !== 'session' });
  };
  const retired = async (next: Asset) => {
    await changed(next, t('asset.retiredNotice'));
    // The Retire button is gone with the dialog that had the focus; Edit is next to where it was.
    editButton.current?.focus();
  };
  const closeForm = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <section className="asset-page" aria-labelledby="asset-name">
      <BackLink />
      <div className="page-head asset-head">
        <div>
          <div className="asset-title">
            <h1 id="asset-name">{a.name}</h1>
            <span className={`badge badge-${a.status}`}>{t(`status.${a.status}`)}</span>
          </div>
          <p className="muted asset-subtitle">
            {t(`kind.${a.kind}`)}
            {a.identifier !== a.name && <> · <span className="asset-identifier">{a.identifier}</span></>}
          </p>
        </div>
        {writable && !editing && (
          <div className="actions">
            <button type="button" ref={editButton} onClick={() => { setNotice(null); setEditing(true); }}>{t('asset.edit')}</button>
            {a.storedStatus !== 'retired' && <RetireButton asset={a} onRetired={(next) => retired(next)} />}
          </div>
        )}
      </div>
      <p className="asset-notice" role="status">{notice}</p>
      {editing ? (
        <AssetEditForm
          asset={a}
          onCancel={closeForm}
          onSaved={async (next) => {
            closeForm();
            await changed(next, next === a ? t('asset.unchanged') : t('asset.saved'));
          }}
        />
      ) : (
        <>
          <AssetDetails asset={a} />
          <AssetNotes notes={a.notes} />
          <CustomFields fields={a.customFields} />
        </>
      )}
      {!editing && <AssetMonitors asset={a} writable={writable} />}
      {user?.role !== 'client' && <SecretsSection asset={a} mayReveal={writable} />}
      {(user?.role === 'owner' || user?.role === 'admin') && <HistorySection asset={a} />}
    </section>
  );
}

function BackLink() {
  const { t } = useI18n();
  return <Link className="asset-back" to="/assets">{t('asset.back')}</Link>;
}
