import type { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { POLICY_FIELDS, type PolicyField, type RenewalPolicy, type StaffUser } from './api.ts';
import { draftOf, NONE, NULLABLE_FIELDS, type PolicyDraft } from './form.ts';

interface Props {
  idPrefix: string;
  draft: PolicyDraft;
  onChange: (draft: PolicyDraft) => void;
  staff: StaffUser[];
  error: ApiError | null;
  /** In an override: the values a blank field inherits, shown as its placeholder. */
  inherited?: RenewalPolicy | undefined;
}

/** Every field of a renewal policy, with the server's message under the field it concerns. */
export function PolicyFields({ idPrefix, draft, onChange, staff, error, inherited }: Props) {
  const { t } = useI18n();
  const shown = inherited ? draftOf(inherited) : null;
  const set = (field: PolicyField, value: string) => onChange({ ...draft, [field]: value });
  const placeholder = (field: PolicyField) => {
    if (!shown) return NULLABLE_FIELDS.includes(field) ? t('renewals.policy.none') : undefined;
    const raw = shown[field];
    const person = field === 'fallbackAssigneeId' ? staff.find((u) => u.id === raw) : undefined;
    const value = raw === NONE ? (field === 'fallbackAssigneeId' ? t('renewals.policy.nobody') : t('renewals.policy.none')) : person ? person.name || person.email : raw || '—';
    return t('renewals.policy.inherits', { value });
  };
  return (
    <div className="form-grid policy-fields">
      {POLICY_FIELDS.map((field) => {
        const id = `${idPrefix}-${field}`;
        const label = t(`renewals.policy.field.${field}`);
        const message = error?.fieldMessage(field);
        if (field === 'fallbackAssigneeId') {
          return (
            <Field key={field} id={id} label={label} error={message}>
              <select id={id} value={draft[field]} onChange={(e) => set(field, e.target.value)}>
                {inherited && <option value="">{placeholder(field)}</option>}
                <option value={NONE}>{t('renewals.policy.nobody')}</option>
                {staff.map((u) => <option key={u.id} value={u.id}>{u.name || u.email}</option>)}
              </select>
            </Field>
          );
        }
        return (
          <Field key={field} id={id} label={label} error={message}>
            <input
              id={id}
              type="text"
              inputMode={field === 'reminderTime' ? 'text' : 'numeric'}
              value={draft[field]}
              placeholder={placeholder(field)}
              onChange={(e) => set(field, e.target.value)}
            />
            <span className="muted field-hint">{t(`renewals.policy.hint.${field}`)}</span>
          </Field>
        );
      })}
    </div>
  );
}
