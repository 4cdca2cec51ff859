import type { TaxRate } from '../../../api/billing.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { minorOf, thousandthsOf } from '../amounts.ts';
import { blankLine, type DraftLine, type TaxChoice } from './draft-lines.ts';

interface Props {
  lines: DraftLine[];
  onChange(lines: DraftLine[]): void;
  currency: string;
  /** The client's default rate (null: not taxed); undefined while it is not known. */
  clientRate: TaxRate | null | undefined;
  /** The message for a field as the API names it without `body.` (`lines.0.quantity`). */
  errorFor(field: string): string | undefined;
}

/** An invoice's lines: what, how many (decimals allowed), at what price, taxed how, for which period. */
export function LinesEditor({ lines, onChange, currency, clientRate, errorFor }: Props) {
  const { t } = useI18n();
  const update = (key: number, patch: Partial<DraftLine>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  return (
    <div className="billing-lines">
      {lines.map((line, i) => (
        <LineFields
          key={line.key}
          line={line}
          index={i}
          currency={currency}
          clientRate={clientRate}
          errorFor={errorFor}
          onChange={(patch) => update(line.key, patch)}
          onRemove={lines.length > 1 ? () => onChange(lines.filter((l) => l.key !== line.key)) : null}
        />
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...lines, blankLine()])}>{t('billing.line.add')}</button>
    </div>
  );
}

interface LineProps {
  line: DraftLine;
  index: number;
  currency: string;
  clientRate: TaxRate | null | undefined;
  errorFor(field: string): string | undefined;
  onChange(patch: Partial<DraftLine>): void;
  onRemove: (() => void) | null;
}

function LineFields({ line, index, currency, clientRate, errorFor, onChange, onRemove }: LineProps) {
  const { t } = useI18n();
  const id = (name: string) => `line-${line.key}-${name}`;
  const field = (name: string) => errorFor(`lines.${index}.${name}`);
  const clientLabel = clientRate === undefined ? t('billing.line.taxClient') : clientRate ? t('billing.line.taxClientRate', { rate: clientRate.name }) : t('billing.line.taxClientNone');
  const label = t('billing.line', { number: index + 1 });
  return (
    <fieldset className="billing-line">
      <legend>{label}</legend>
      <div className="billing-line-grid">
        <Field id={id('description')} label={t('billing.line.description')} error={field('description') ?? errorFor(`lines.${index}`)}>
          <input id={id('description')} maxLength={500} value={line.description} onChange={(e) => onChange({ description: e.target.value })} />
        </Field>
        <Field id={id('quantity')} label={t('billing.line.quantity')} error={field('quantity')}>
          <input id={id('quantity')} inputMode="decimal" value={line.quantity} onChange={(e) => onChange({ quantity: e.target.value })} />
        </Field>
        <Field id={id('unitPrice')} label={t('billing.line.unitPrice', { currency })} error={field('unitPrice')}>
          <input id={id('unitPrice')} inputMode="decimal" value={line.unitPrice} onChange={(e) => onChange({ unitPrice: e.target.value })} />
        </Field>
        <Field id={id('tax')} label={t('billing.line.tax')} error={line.tax === 'own' ? undefined : field('taxRate')}>
          <select id={id('tax')} value={line.tax} onChange={(e) => onChange({ tax: e.target.value as TaxChoice })}>
            <option value="client">{clientLabel}</option>
            <option value="none">{t('billing.line.taxNone')}</option>
            <option value="own">{t('billing.line.taxOwn')}</option>
          </select>
        </Field>
        {line.tax === 'own' && (
          <>
            <Field id={id('taxPercent')} label={t('billing.line.taxPercent')} error={field('taxRate.basisPoints') ?? field('taxRate')}>
              <input id={id('taxPercent')} inputMode="decimal" value={line.taxPercent} onChange={(e) => onChange({ taxPercent: e.target.value })} />
            </Field>
            <Field id={id('taxName')} label={t('billing.line.taxName')} error={field('taxRate.name')}>
              <input id={id('taxName')} maxLength={40} placeholder={t('billing.line.taxNameDefault', { percent: line.taxPercent || '…' })} value={line.taxName} onChange={(e) => onChange({ taxName: e.target.value })} />
            </Field>
          </>
        )}
        <Field id={id('periodFrom')} label={t('billing.line.periodFrom')} error={field('periodFrom')}>
          <input id={id('periodFrom')} type="date" value={line.periodFrom} onChange={(e) => onChange({ periodFrom: e.target.value })} />
        </Field>
        <Field id={id('periodTo')} label={t('billing.line.periodTo')} error={field('periodTo')}>
          <input id={id('periodTo')} type="date" value={line.periodTo} onChange={(e) => onChange({ periodTo: e.target.value })} />
        </Field>
      </div>
      <div className="billing-line-foot">
        <LineNet line={line} currency={currency} />
        {onRemove && <button type="button" className="link" onClick={onRemove}>{t('billing.line.remove', { number: index + 1 })}</button>}
      </div>
    </fieldset>
  );
}

/** The line's net before tax, as the server will compute it (rounded half away from zero). */
function LineNet({ line, currency }: { line: DraftLine; currency: string }) {
  const { t, money } = useI18n();
  const quantity = thousandthsOf(line.quantity);
  const price = minorOf(line.unitPrice, currency);
  if (quantity === null || price === null) return <span />;
  const exact = (quantity * price) / 1000;
  const net = Math.sign(exact) * Math.round(Math.abs(exact));
  return <span className="muted">{t('billing.line.net', { amount: money(net, currency) })}</span>;
}
