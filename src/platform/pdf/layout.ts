import { existsSync, readFileSync } from 'node:fs';

/**
 * The page our PDFs (the monthly SLA report, invoices) are drawn on: A4 with generous margins, one
 * sans-serif family, a few colours, and the cursor that sections move down. Text is written one
 * line at a time at computed positions (paragraphs aside), and every section asks for room first,
 * so pdfkit never breaks a page on its own.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
export const PAGE = { left: 50, right: A4.width - 50, top: 54, bottom: A4.height - 64, width: A4.width - 100 } as const;

export const COLOURS = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  faint: '#9aa5b1',
  rule: '#d9e0e8',
  panel: '#f3f6f9',
  stripe: '#f8fafc',
  accent: '#1f4e79',
  accentLight: '#7fa7cf',
  good: '#2f9e6e',
  bad: '#d64545',
  noData: '#cbd2d9',
  notice: '#b7791f',
  noticePanel: '#fdf6e8',
} as const;

/**
 * A TTF with Latin and Cyrillic, from the system (Debian: fonts-dejavu-core, or fonts-liberation);
 * pdfkit's built-in Helvetica has no Cyrillic, so it is only the last resort.
 */
const FONT_CANDIDATES = [
  { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  { regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
] as const;

export interface Fonts {
  regular: string;
  bold: string;
  /** False on Helvetica: characters outside Windows-1252 are replaced before writing. */
  unicode: boolean;
}

/** Font files read once per process: documents are rendered per client, the font never changes. */
const fontFiles = new Map<string, Buffer>();

function fontFile(path: string): Buffer {
  let file = fontFiles.get(path);
  if (!file) fontFiles.set(path, (file = readFileSync(path)));
  return file;
}

/** The first candidate present on this machine, registered with the document; Helvetica when none is. */
export function registerFonts(doc: PDFKit.PDFDocument, candidates: readonly { regular: string; bold: string }[] = FONT_CANDIDATES): Fonts {
  const found = candidates.find((f) => existsSync(f.regular) && existsSync(f.bold));
  if (!found) return { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
  doc.registerFont('sans', fontFile(found.regular));
  doc.registerFont('sans-bold', fontFile(found.bold));
  return { regular: 'sans', bold: 'sans-bold', unicode: true };
}

/**
 * What the drawing helpers here need: the document, its fonts and the cursor. A document's own
 * words and formats travel beside it, in a type of its own that extends or holds this one.
 */
export interface PdfPage {
  doc: PDFKit.PDFDocument;
  fonts: Fonts;
  /** Where the next block starts, in points from the top of the current page. */
  y: number;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  colour?: string;
}

/** Helvetica's encoding has no narrow no-break space (French "99,9 %") nor a true minus. */
export function printable(page: PdfPage, text: string): string {
  return page.fonts.unicode ? text : text.replace(/[\u202f\u2009]/g, ' ').replace(/\u2212/g, '-');
}

function style(page: PdfPage, { size = 9, bold = false, colour = COLOURS.ink }: TextStyle): void {
  page.doc.font(bold ? page.fonts.bold : page.fonts.regular).fontSize(size).fillColor(colour);
}

export function textWidth(page: PdfPage, text: string, textStyle: TextStyle = {}): number {
  style(page, textStyle);
  return page.doc.widthOfString(printable(page, text));
}

/** The text, shortened with an ellipsis to fit `width`. */
export function fit(page: PdfPage, text: string, width: number, textStyle: TextStyle = {}): string {
  if (textWidth(page, text, textStyle) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(page, `${text.slice(0, mid).trimEnd()}…`, textStyle) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/** One line at (x, y); `width` with `align` places it in a box and cuts it to fit. Never breaks a page. */
export function line(page: PdfPage, text: string, x: number, y: number, options: TextStyle & { width?: number; align?: 'left' | 'right' | 'center' } = {}): void {
  const shown = options.width === undefined ? text : fit(page, text, options.width, options);
  const width = textWidth(page, shown, options);
  const box = options.width ?? width;
  const left = options.align === 'right' ? x + box - width : options.align === 'center' ? x + (box - width) / 2 : x;
  page.doc.text(printable(page, shown), left, y, { lineBreak: false });
}

/**
 * Text wrapped in a box at (x, y), at most `lines` lines (cut with an ellipsis after that), for labels
 * and figures that may run long in some languages. Returns the height it took.
 */
export function block(page: PdfPage, text: string, x: number, y: number, options: BlockStyle): number {
  const height = blockHeight(page, text, options);
  page.doc.text(printable(page, text), x, y, { width: options.width, height: maxBlockHeight(page, options), ellipsis: true, align: options.align ?? 'left' });
  return height;
}

type BlockStyle = TextStyle & { width: number; lines?: number; align?: 'left' | 'right' | 'center' };

function maxBlockHeight(page: PdfPage, options: BlockStyle): number {
  style(page, options);
  return page.doc.currentLineHeight(true) * (options.lines ?? 2) + 0.5;
}

/** The height `block` will take for the text. */
export function blockHeight(page: PdfPage, text: string, options: BlockStyle): number {
  const maxHeight = maxBlockHeight(page, options);
  return Math.min(page.doc.heightOfString(printable(page, text), { width: options.width }), maxHeight);
}

/** Wrapped text across the page width (or `width`), moved to a new page first if it would not fit. */
export function paragraph(page: PdfPage, text: string, options: TextStyle & { width?: number; x?: number; gap?: number } = {}): void {
  const width = options.width ?? PAGE.width;
  style(page, options);
  const height = page.doc.heightOfString(printable(page, text), { width, lineGap: 1.5 });
  ensureRoom(page, height);
  style(page, options);
  page.doc.text(printable(page, text), options.x ?? PAGE.left, page.y, { width, lineGap: 1.5 });
  page.y += height + (options.gap ?? 8);
}

export function newPage(page: PdfPage): void {
  page.doc.addPage();
  page.y = PAGE.top;
}

/** True when a new page was started to make room. */
export function ensureRoom(page: PdfPage, height: number): boolean {
  if (page.y + height <= PAGE.bottom) return false;
  newPage(page);
  return true;
}

/** A section's heading, kept on the same page as the first `keepWith` points of what follows. */
export function sectionTitle(page: PdfPage, title: string, keepWith = 60): void {
  ensureRoom(page, 30 + keepWith);
  page.y += 6;
  line(page, title, PAGE.left, page.y, { size: 13, bold: true, colour: COLOURS.accent });
  page.y += 19;
  page.doc.moveTo(PAGE.left, page.y).lineTo(PAGE.right, page.y).lineWidth(0.6).strokeColor(COLOURS.rule).stroke();
  page.y += 10;
}

/** A round badge with a tick (met) or a cross (missed), drawn as vectors so no font needs the glyph. */
export function mark(page: PdfPage, met: boolean, cx: number, cy: number, radius = 5): void {
  const { doc } = page;
  doc.circle(cx, cy, radius).fill(met ? COLOURS.good : COLOURS.bad);
  doc.lineWidth(radius * 0.28).strokeColor('#ffffff').lineCap('round').lineJoin('round');
  const r = radius * 0.45;
  if (met) doc.moveTo(cx - r, cy).lineTo(cx - r * 0.25, cy + r * 0.75).lineTo(cx + r, cy - r * 0.7).stroke();
  else doc.moveTo(cx - r, cy - r).lineTo(cx + r, cy + r).moveTo(cx + r, cy - r).lineTo(cx - r, cy + r).stroke();
  doc.lineCap('butt').lineJoin('miter');
}
