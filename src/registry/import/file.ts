import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { badRequest, ProblemError } from '../../platform/http/problem.ts';

/**
 * Bytes of an uploaded spreadsheet → text → header and records. Pure; every way a file can be
 * unreadable ends in a 4xx that says what is wrong and how to fix it.
 */
export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface CsvTable {
  headers: string[];
  /** One entry per data row: the cells by original header, and the line it started on. */
  rows: { line: number; record: Record<string, string> }[];
  delimiter: string;
}

/** Decode the file: a byte-order mark wins, else the given encoding, else strict UTF-8. */
export function decodeFile(bytes: Buffer, encoding?: Encoding): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  if (encoding && encoding !== 'utf-8') return iconv.decode(bytes, encoding);
  return strictUtf8(bytes);
}

function strictUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProblemError(
      400,
      'encoding',
      'The file is not UTF-8',
      'The file has bytes that are not UTF-8 (spreadsheets saved by Excel are often Windows-1252). ' +
        'Save it as "CSV UTF-8", or name its encoding (encoding=windows-1252 on upload, --encoding windows-1252 on the command line).',
    );
  }
}

/** The delimiter is whichever of , ; tab appears most in the header line (Excel uses ; in much of Europe). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

export function readCsv(text: string, maxRows: number): CsvTable {
  const { delimiter, headers, body } = parseRecords(text, maxRows);
  const rows = body.map(({ record, line }) => ({ line, record: toRecord(headers, record) }));
  return { headers, rows, delimiter };
}

/** What an upload shows before any mapping: the header, the row count and a few rows. */
export function inspectCsv(text: string, maxRows: number, sampleSize = 5): { headers: string[]; rowCount: number; sample: Record<string, string>[] } {
  // Only the sample becomes records: for a million-row file the rest would be built for nothing.
  const { headers, body } = parseRecords(text, maxRows);
  return { headers, rowCount: body.length, sample: body.slice(0, sampleSize).map((r) => toRecord(headers, r.record)) };
}

function toRecord(headers: string[], cells: string[]): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

function parseRecords(text: string, maxRows: number): { delimiter: string; headers: string[]; body: { record: string[]; line: number }[] } {
  const delimiter = detectDelimiter(text);
  let lastLine = 0;
  let records: { record: string[]; line: number }[];
  try {
    records = parse(text, {
      delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000,
      // csv-parse counts the line a record ends on; a row with line breaks in a cell starts earlier.
      on_record: (record, context) => {
        lastLine = context.lines;
        return { record, line: context.lines - lineBreaksIn(record) } as unknown as string[];
      },
    }) as unknown as typeof records;
  } catch (err) {
    // The parser reports where it gave up (for an unclosed quote, the end of the file); the
    // person needs the row where the problem starts: the one after the last complete row.
    const e = err as Error & { code?: string };
    const start = firstFilledLineAfter(text, lastLine);
    const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell starts in this row and is never closed; look for a stray "' : e.message;
    throw badRequest(`The file is not valid CSV near line ${start}: ${what}`);
  }
  const [head, ...body] = records;
  if (!head) throw badRequest('The file is empty: it needs a header line and at least one row.');
  if (body.length === 0) throw badRequest('The file has a header line but no rows: it needs at least one row to import.');
  if (body.length > maxRows) throw new ProblemError(413, 'too-many-rows', 'Too many rows', `The file has ${body.length} rows; an import takes at most ${maxRows}.`);
  return { delimiter, headers: head.record, body };
}

function lineBreaksIn(record: string[]): number {
  let breaks = 0;
  for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(/\r\n|\r|\n/g)!.length;
  return breaks;
}

/** The 1-based number of the first non-blank line after line `line`. */
function firstFilledLineAfter(text: string, line: number): number {
  const lines = text.split(/\r\n|\r|\n/);
  let index = line;
  while (index < lines.length - 1 && lines[index]!.trim() === '') index++;
  return index + 1;
}
