import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';

interface Props {
  label: string;
  /** What deleting does, asked before it is done. */
  question: string;
  onDelete: () => Promise<void>;
}

/** A delete that asks first, then says why the server refused if it does. */
export function DeleteButton({ label, question, onDelete }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    try {
      await onDelete();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  if (!confirming) return <button type="button" className="secondary" onClick={() => setConfirming(true)}>{label}</button>;
  return (
    <div className="plan-confirm" role="group" aria-label={label}>
      <p>{question}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      <div className="actions">
        <button type="button" className="danger" onClick={() => void remove()}>{label}</button>
        <button type="button" className="secondary" onClick={() => { setConfirming(false); setProblem(null); }}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}
