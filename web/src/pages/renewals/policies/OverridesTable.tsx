import { useI18n } from '../../../i18n/i18n.tsx';
import { POLICY_FIELDS, type PolicyOverride, type StaffUser } from './api.ts';

interface Props {
  overrides: PolicyOverride[];
  staff: StaffUser[];
  onEdit: (o: PolicyOverride) => void;
  onRemove: (o: PolicyOverride) => void;
}

/** The overrides, each with only the fields it sets: everything else is inherited. */
export function OverridesTable({ overrides, staff, onEdit, onRemove }: Props) {
  const { t } = useI18n();
  const personOf = (id: string) => staff.find((u) => u.id === id)?.name ?? id;
  const shown = (field: string, value: unknown) => {
    if (value === null) return field === 'fallbackAssigneeId' ? t('renewals.policy.nobody') : t('renewals.policy.none');
    if (field === 'fallbackAssigneeId') return personOf(String(value));
    return Array.isArray(value) ? value.join(', ') : String(value);
  };
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('renewals.override.scope')}</th>
            <th scope="col">{t('renewals.override.appliesTo')}</th>
            <th scope="col">{t('renewals.override.fields')}</th>
            <th scope="col"><span className="visually-hidden">{t('renewals.override.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {overrides.map((o) => (
            <tr key={o.id}>
              <td>{t(`renewals.override.scope.${o.scope}`)}</td>
              <td className="strong">{o.scope === 'kind' ? t(`kind.${o.target}` as 'kind.domain') : o.targetName}</td>
              <td>
                <ul className="override-fields">
                  {POLICY_FIELDS.filter((f) => o.override[f] !== undefined).map((f) => (
                    <li key={f}>{t(`renewals.policy.field.${f}`)}: <strong>{shown(f, o.override[f])}</strong></li>
                  ))}
                </ul>
              </td>
              <td className="row-actions">
                <button type="button" className="link" onClick={() => onEdit(o)} aria-label={t('renewals.override.edit', { name: o.targetName })}>{t('renewals.override.editShort')}</button>
                <button type="button" className="link" onClick={() => onRemove(o)} aria-label={t('renewals.override.remove', { name: o.targetName })}>{t('renewals.override.removeShort')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overrides.length === 0 && <p className="empty">{t('renewals.override.empty')}</p>}
    </div>
  );
}
