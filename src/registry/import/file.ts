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
        'Save it as "CSV UTF-8", or upload it again with encoding=windows-1252.',
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
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw badRequest(`The file is not valid CSV${e.lines ? ` near line ${e.lines}` : ''}: ${e.message}`);
  }
  const [head, ...body] = records;
  if (!head) throw badRequest('The file is empty: it needs a header line and at least one row.');
  if (body.length > maxRows) throw new ProblemError(413, 'too-many-rows', 'Too many rows', `The file has ${body.length} rows; an import takes at most ${maxRows}.`);
  const headers = head.record;
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    record: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { headers, rows, delimiter };
}
