import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { decide, type WasteItem } from './api.ts';

/** The flagged assets with their evidence and saving, and Keep / Cancel per item. */
export function WasteItems({ items, writable, onDecided }: { items: WasteItem[]; writable: boolean; onDecided: (message: string) => void }) {
  const { t } = useI18n();
  return (
    <ul className="waste-items" aria-label={t('waste.items')}>
      {items.map((item) => (
        <WasteRow key={item.assetId} item={item} writable={writable} onDecided={onDecided} />
      ))}
    </ul>
  );
}

function WasteRow({ item, writable, onDecided }: { item: WasteItem; writable: boolean; onDecided: (message: string) => void }) {
  const { t, money } = useI18n();
  return (
    <li className={`waste-item waste-${item.state}`} aria-label={item.assetName}>
      <div className="waste-item-head">
        <div>
          <Link className="strong" to={`/assets/${item.assetId}`}>{item.assetName}</Link>
          {item.identifier !== item.assetName && <span className="muted"> {item.identifier}</span>}
          <div className="muted">{t(`waste.kind.${item.kind}` as 'waste.kind.domain')} · {item.clientName}</div>
        </div>
        <div className="waste-saving">
          <span className="tile-label">{t('waste.yearlySaving')}</span>
          <strong>{item.yearlySaving ? money(item.yearlySaving.amount, item.yearlySaving.currency) : t('waste.noPrice')}</strong>
        </div>
      </div>
      <ul className="waste-reasons">
        {item.reasons.map((reason) => (
          <li key={reason.code}>
            <span className="badge waste-badge">{t(`waste.code.${reason.code}`)}</span>{' '}
            <Evidence code={reason.code} evidence={reason.evidence} />
            {reason.duplicateOf && <>{' '}<Link to={`/assets/${reason.duplicateOf}`}>{t('waste.openKept')}</Link></>}
          </li>
        ))}
      </ul>
      {item.unknown.length > 0 && <p className="muted waste-unknown">{t('waste.unknown', { facts: item.unknown.join('; ') })}</p>}
      {item.state === 'cancel-decided' && <p className="waste-decided">{t('waste.cancelDecidedNote')}</p>}
      {writable && item.state === 'open' && <Decision item={item} onDecided={onDecided} />}
    </li>
  );
}

/** Evidence as a person reads it; a parked page quotes what the page says. */
function Evidence({ code, evidence }: { code: string; evidence: string[] }) {
  const { t } = useI18n();
  const text = evidence.join('; ');
  return <span className="waste-evidence">{code === 'domain-parked' ? t('waste.parkedEvidence', { evidence: text }) : text}</span>;
}

function Decision({ item, onDecided }: { item: WasteItem; onDecided: (message: string) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'none' | 'keep' | 'cancel'>('none');
  const [days, setDays] = useState('180');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (decision: 'keep' | 'cancel') => {
    setBusy(true);
    setProblem(null);
    try {
      await decide(item.assetId, decision === 'keep' ? { decision, keepForDays: Number(days), note: note || undefined } : { decision, note: note || undefined });
      onDecided(t(decision === 'keep' ? 'waste.kept' : 'waste.cancelled', { name: item.assetName, days: Number(days) }));
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.fieldMessage('keepForDays') ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (mode === 'none') {
    return (
      <div className="waste-actions">
        <button type="button" className="secondary" onClick={() => setMode('keep')}>{t('waste.keep')}</button>
        <button type="button" className="danger" onClick={() => setMode('cancel')}>{t('waste.cancel')}</button>
      </div>
    );
  }
  const label = t(mode === 'keep' ? 'waste.keepFormLabel' : 'waste.cancelFormLabel', { name: item.assetName });
  return (
    <form className="waste-confirm" aria-label={label} onSubmit={(e) => { e.preventDefault(); void send(mode); }}>
      {mode === 'keep' ? (
        <label>{t('waste.keepForDays')}
          <input type="number" min={1} max={730} required value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
      ) : (
        <p>{t('waste.cancelConfirm', { name: item.assetName })}</p>
      )}
      <label>{t('waste.note')}
        <input type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="waste-actions">
        <button type="submit" className={mode === 'cancel' ? 'danger' : undefined} disabled={busy}>{t(mode === 'keep' ? 'waste.confirmKeep' : 'waste.confirmCancel')}</button>
        <button type="button" className="secondary" onClick={() => setMode('none')}>{t('waste.back')}</button>
      </div>
      {problem && <p className="alert" role="alert">{problem}</p>}
    </form>
  );
}
