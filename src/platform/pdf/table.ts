import { block, blockHeight, COLOURS, ensureRoom, line, mark, newPage, PAGE, type PdfPage } from './layout.ts';

/**
 * A plain table that runs over as many pages as it needs: a header row repeated on every page,
 * light stripes, figures aligned right. A cell is a line of text, optionally with a second, smaller
 * line under it (a site's address), or a met/missed mark with its word.
 */

export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
  /** Long text (an incident's cause) wraps onto up to three lines instead of being cut. */
  wrap?: boolean;
}

export type Cell = string | { text: string; detail?: string; bold?: boolean; colour?: string; met?: boolean | null };

export interface TableOptions {
  /** Repeated above the header on a continuation page: "Incidents (continued)". */
  continuedTitle: string;
  rowHeight?: number;
  /** Rows drawn in bold above a rule, as totals. */
  totalRows?: number;
}

const HEADER_HEIGHT = 26;
const PADDING = 5;

function header(page: PdfPage, columns: readonly Column[]): void {
  let x = PAGE.left;
  for (const column of columns) {
    const labelStyle = { size: 7.3, bold: true, colour: COLOURS.muted, width: column.width - 2 * PADDING, align: column.align };
    // Labels sit on the rule: a one-line label level with the second line of a two-line one.
    block(page, column.label, x + PADDING, page.y + HEADER_HEIGHT - 4 - blockHeight(page, column.label, labelStyle), labelStyle);
    x += column.width;
  }
  page.y += HEADER_HEIGHT;
  page.doc.moveTo(PAGE.left, page.y).lineTo(PAGE.right, page.y).lineWidth(0.8).strokeColor(COLOURS.accent).stroke();
}

const CELL_TEXT = { size: 8.5, lines: 3 } as const;

function textOf(value: Cell | undefined): string {
  return value === undefined ? '' : typeof value === 'string' ? value : value.text;
}

/** A row is as tall as its longest wrapped cell needs, and never less than the table's row height. */
function heightOf(page: PdfPage, row: readonly Cell[], columns: readonly Column[], rowHeight: number): number {
  const wrapped = columns.map((column, i) => (column.wrap ? blockHeight(page, textOf(row[i]), { ...CELL_TEXT, width: column.width - 2 * PADDING }) + rowHeight - 9 : 0));
  return Math.max(rowHeight, ...wrapped);
}

/**
 * One cell of a row at `y`: text on the row's first line (`lineY`, centred in a row of the table's
 * normal height, so it lines up with a wrapped neighbour's first line), a name over its detail centred.
 */
function cell(page: PdfPage, value: Cell, column: Column, x: number, y: number, lineY: number, height: number, bold: boolean): void {
  const cellValue = typeof value === 'string' ? { text: value } : value;
  const width = column.width - 2 * PADDING;
  if (column.wrap) {
    block(page, cellValue.text, x + PADDING, lineY, { ...CELL_TEXT, bold: bold || cellValue.bold, colour: cellValue.colour ?? COLOURS.ink, width, align: column.align });
    return;
  }
  const hasDetail = cellValue.detail !== undefined;
  const textY = hasDetail ? y + height / 2 - 9 : lineY;
  let textX = x + PADDING;
  if (cellValue.met !== undefined && cellValue.met !== null) {
    mark(page, cellValue.met, textX + 4.5, textY + 5, 4.5);
    textX += 13;
  }
  line(page, cellValue.text, textX, textY, { size: 8.5, bold: bold || cellValue.bold, colour: cellValue.colour ?? COLOURS.ink, width: width - (textX - x - PADDING), align: column.align });
  if (hasDetail) line(page, cellValue.detail!, textX, textY + 11, { size: 7, colour: COLOURS.muted, width, align: column.align });
}

export function table(page: PdfPage, columns: readonly Column[], rows: readonly Cell[][], options: TableOptions): void {
  const rowHeight = options.rowHeight ?? 18;
  const totals = options.totalRows ?? 0;
  ensureRoom(page, HEADER_HEIGHT + rowHeight * Math.min(rows.length, 2));
  header(page, columns);
  rows.forEach((row, index) => {
    const height = heightOf(page, row, columns, rowHeight);
    if (page.y + height > PAGE.bottom) {
      newPage(page);
      line(page, options.continuedTitle, PAGE.left, page.y, { size: 9, bold: true, colour: COLOURS.muted });
      page.y += 16;
      header(page, columns);
    }
    const isTotal = index >= rows.length - totals;
    if (isTotal && index === rows.length - totals) {
      page.doc.moveTo(PAGE.left, page.y).lineTo(PAGE.right, page.y).lineWidth(0.8).strokeColor(COLOURS.faint).stroke();
    } else if (index % 2 === 1) {
      page.doc.rect(PAGE.left, page.y, PAGE.width, height).fill(COLOURS.stripe);
    }
    let x = PAGE.left;
    columns.forEach((column, i) => {
      cell(page, row[i] ?? '', column, x, page.y, page.y + rowHeight / 2 - 4.5, height, isTotal);
      x += column.width;
    });
    page.y += height;
    page.doc.moveTo(PAGE.left, page.y).lineTo(PAGE.right, page.y).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
  });
  page.y += 14;
}
