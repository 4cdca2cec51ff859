import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

/**
 * A rendered PDF read back with poppler, as a person would see it: pdfinfo for the pages, pdftoppm
 * for pixels (a page that renders white is a broken document), pdftotext for the words and figures.
 */

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export interface ReadBack {
  pages: number;
  /** Text of each page, in order. */
  text: string[];
  /** Share of pixels that are not near-white, per page, at 50 dpi. */
  ink: number[];
  /** Share of pixels that are not white at all: pale marks count too. */
  tint: number[];
}

export interface PdfScratch {
  /**
   * Writes the PDF as `name`.pdf and reads it back. `layout` keeps pdftotext's columns, so a table
   * row reads as one line; without it, a label wrapped in its box reads as one phrase.
   */
  readBack(name: string, pdf: Buffer, options?: { layout?: boolean }): ReadBack;
  /** Review copy of the first page of `pdfName`.pdf in test-results/screenshots, sharper than the 50 dpi used for the checks. */
  saveScreenshot(shotName: string, pdfName: string): void;
}

/** A folder of the test file's own for its PDFs and their page images, removed when the file's tests end. */
export function pdfScratch(prefix: string): PdfScratch {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  return {
    readBack: (name, pdf, options = {}) => readBack(work, name, pdf, options.layout ?? false),
    saveScreenshot: (shotName, pdfName) => {
      fs.mkdirSync(SHOTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', path.join(work, `${pdfName}.pdf`), path.join(SHOTS, shotName)]);
    },
  };
}

function readBack(work: string, name: string, pdf: Buffer, layout: boolean): ReadBack {
  const file = path.join(work, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  execFileSync('pdftoppm', ['-gray', '-r', '50', file, path.join(work, name)]);
  const images = fs.readdirSync(work).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm')).sort();
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages);
  const pgms = images.map((image) => fs.readFileSync(path.join(work, image)));
  return { pages, text, ink: pgms.map((pgm) => inkShare(pgm)), tint: pgms.map((pgm) => inkShare(pgm, 250)) };
}

/** pdftoppm's grey output is binary PGM: a short text header, then one byte per pixel. */
function inkShare(pgm: Buffer, below = 235): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
  expect(header, 'pdftoppm -gray writes 8-bit PGM').not.toBeNull();
  const pixels = pgm.subarray(header![0].length);
  expect(pixels.length).toBe(Number(header![1]) * Number(header![2]));
  let inked = 0;
  for (const value of pixels) if (value < below) inked++;
  return inked / pixels.length;
}

/** Collapses pdftotext's layout spacing (and Intl's no-break spaces) so a phrase matches wherever it was set. */
export const words = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
