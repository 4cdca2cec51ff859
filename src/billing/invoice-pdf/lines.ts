import { COLOURS, line, PAGE } from '../../platform/pdf/layout.ts';
import { table, type Cell, type Column } from '../../platform/pdf/table.ts';
import type { InvoiceDocument, InvoiceDocumentLine } from '../invoice.types.ts';
import type { InvoiceSheet } from './sheet.ts';

/**
 * The lines table: what was sold, for which period, how many, at what price and rate, and the net
 * amount. Figures carry no currency sign (the caption names the currency once); a long invoice
 * runs over pages with the header repeated.
 */

const NO_TAX = '—';

function columns(sheet: InvoiceSheet): Column[] {
  const { texts } = sheet;
  const figures = [
    { label: texts.quantity, width: 58, align: 'right' },
    { label: texts.unitPrice, width: 82, align: 'right' },
    { label: texts.tax, width: 52, align: 'right' },
    { label: texts.net, width: 92, align: 'right' },
  ] as const;
  const used = figures.reduce((sum, column) => sum + column.width, 0);
  return [{ label: texts.description, width: PAGE.width - used, wrap: true }, ...figures];
}

/** The description with its service period on the line under it, when it has one. */
function description(sheet: InvoiceSheet, item: InvoiceDocumentLine): string {
  if (!item.periodFrom || !item.periodTo) return item.description;
  return `${item.description}\n${sheet.format.period(item.periodFrom, item.periodTo)}`;
}

function row(sheet: InvoiceSheet, item: InvoiceDocumentLine): Cell[] {
  const { format } = sheet;
  return [
    description(sheet, item),
    format.quantity(item.quantity),
    format.amount(item.unitPrice),
    { text: item.taxRate ? format.percent(item.taxRate) : NO_TAX, colour: COLOURS.muted },
    { text: format.amount(item.net), bold: true },
  ];
}

export function drawLines(sheet: InvoiceSheet, doc: InvoiceDocument): void {
  const { page, texts } = sheet;
  line(page, texts.amountsIn(doc.currency), PAGE.left, page.y, { size: 7.5, colour: COLOURS.muted, width: PAGE.width, align: 'right' });
  page.y += 4;
  table(page, columns(sheet), doc.lines.map((item) => row(sheet, item)), { continuedTitle: texts.continued(sheet.title), rowHeight: 22 });
}
