import { useClients } from '../../api/clients.ts';
import { ASSET_KINDS } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ImportDefaults } from './api.tsx';

/** What rows get when no column says: the client (existing ones offered), the kind, the currency. */
export function DefaultsFields({ defaults, onChange, errorAt }: {
  defaults: ImportDefaults;
  onChange: (defaults: ImportDefaults) => void;
  errorAt: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  const clients = useClients();
  const set = (name: keyof ImportDefaults, value: string) => onChange({ ...defaults, [name]: value });
  return (
    <fieldset className="card import-defaults">
      <legend>{t('import.defaults.heading')}</legend>
      <div>
        <Field id="import-default-client" label={t('import.defaults.client')} error={errorAt('defaults.client')}>
          <input
            id="import-default-client"
            list="import-clients"
            autoComplete="off"
            value={defaults.client}
            aria-describedby="import-default-client-hint"
            onChange={(e) => set('client', e.target.value)}
          />
        </Field>
        <datalist id="import-clients">
          {clients.data?.items.map((c) => <option key={c.id} value={c.name} />)}
        </datalist>
        <p className="import-hint" id="import-default-client-hint">{t('import.defaults.clientHint')}</p>
      </div>
      <Field id="import-default-kind" label={t('import.defaults.kind')} error={errorAt('defaults.kind')}>
        <select id="import-default-kind" value={defaults.kind} onChange={(e) => set('kind', e.target.value)}>
          <option value="">{t('import.defaults.kindNone')}</option>
          {ASSET_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </Field>
      <div>
        <Field id="import-default-currency" label={t('import.defaults.currency')} error={errorAt('defaults.currency')}>
          <input
            id="import-default-currency"
            maxLength={3}
            autoCapitalize="characters"
            value={defaults.currency}
            aria-describedby="import-default-currency-hint"
            onChange={(e) => set('currency', e.target.value.toUpperCase())}
          />
        </Field>
        <p className="import-hint" id="import-default-currency-hint">{t('import.defaults.currencyHint')}</p>
      </div>
    </fieldset>
  );
}
