import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CLI_ACTOR } from '../accounts/model.ts';
import { loadConfig } from '../platform/config.ts';
import type { Deps } from '../platform/deps.ts';
import { badRequest, ProblemError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { createLogger } from '../platform/logger.ts';
import { openRuntime } from '../platform/runtime.ts';
import { exportCsv, exportJson } from '../registry/export/service.ts';
import type { ColumnMapping } from '../registry/import/columns.model.ts';
import { decodeFile, ENCODINGS, readCsv, type Encoding } from '../registry/import/file.ts';
import { commitTable, MAX_IMPORT_ROWS, previewTable, type ImportOptions, type ImportReport } from '../registry/import/service.ts';

/** `upkeep import` and `upkeep export`: the registry's CSV and JSON in and out, acting as the CLI. */
const cliContext = { actor: CLI_ACTOR, requestId: null };

/** How many rejected rows the summary lists; the full count is always given. */
const SHOWN_REJECTED = 20;

async function withRuntime<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const deps = await openRuntime(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr));
  try {
    return await work(deps);
  } finally {
    await deps.database.close();
  }
}

function readMapping(file: string): ColumnMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message;
    throw badRequest(`The mapping file ${file} cannot be read: ${why}.`);
  }
  const isMapping = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string');
  if (!isMapping) throw badRequest(`The mapping file ${file} must be a JSON object of CSV header → field, e.g. {"Domain": "identifier"}.`);
  return parsed as ColumnMapping;
}

export async function importFile(file: string, options: { client?: string; mapping?: string; commit?: boolean; encoding?: string }): Promise<void> {
  if (options.encoding && !(ENCODINGS as readonly string[]).includes(options.encoding)) {
    throw new Error(`--encoding must be one of ${ENCODINGS.join(', ')}.`);
  }
  // Read and check the file before touching the database: a bad file needs no connection.
  const table = readCsv(decodeFile(fs.readFileSync(file), options.encoding as Encoding | undefined), MAX_IMPORT_ROWS);
  const importOptions: ImportOptions = {
    mapping: options.mapping ? readMapping(options.mapping) : undefined,
    defaults: options.client ? { client: options.client } : undefined,
  };
  const name = path.basename(file);
  await withRuntime(async (deps) => {
    if (!options.commit) {
      const report = await previewTable(deps, cliContext, table, importOptions);
      process.stdout.write(`Dry run of ${name}: nothing was written.\n${describe(report)}`);
      process.stdout.write(report.summary.rejected > 0 ? 'Fix the rejected rows, then run again with --commit.\n' : 'Run again with --commit to import.\n');
      return;
    }
    try {
      const report = await commitTable(deps, cliContext, newId('import'), table, importOptions);
      process.stdout.write(`Imported ${name} (${report.importId}).\n${describe(report)}`);
    } catch (err) {
      const report = err instanceof ProblemError ? (err.extensions.report as ImportReport | undefined) : undefined;
      if (!report) throw err;
      process.stdout.write(`Nothing was imported from ${name}: ${report.summary.rejected} of ${report.summary.rows} rows were rejected.\n${describe(report)}`);
      process.stderr.write('upkeep: rows were rejected; fix them and run the import again.\n');
      process.exitCode = 1;
    }
  });
}

/** The summary a person reads: counts, new parties, and the first rejected rows with their reasons. */
function describe(report: ImportReport): string {
  const s = report.summary;
  const lines = [
    `  ${s.rows} rows: ${s.create} ${report.committed ? 'created' : 'to create'}, ${s.update} ${report.committed ? 'updated' : 'to update'}, ${s.unchanged} unchanged, ${s.rejected} rejected`,
  ];
  const named = (label: string, count: number, names: string[]) => {
    if (count > 0) lines.push(`  ${label}: ${names.slice(0, 10).join(', ')}${count > 10 ? ` and ${count - 10} more` : ''}`);
  };
  named('new clients', s.newClients, report.newClients);
  named('new providers', s.newProviders, report.newProviders);
  named('new projects', s.newProjects, report.newProjects.map((p) => `${p.name} (${p.client})`));
  if (report.rejected.length > 0) lines.push('Rejected rows:');
  for (const row of report.rejected.slice(0, SHOWN_REJECTED)) {
    for (const error of row.errors) {
      lines.push(`  line ${row.line}, ${error.column ? `column "${error.column}"` : `field ${error.field}`}: ${error.message}`);
    }
  }
  if (s.rejected > SHOWN_REJECTED) lines.push(`  … and ${s.rejected - SHOWN_REJECTED} more rejected rows`);
  return `${lines.join('\n')}\n`;
}

const FORMATS = { csv: exportCsv, json: exportJson } as const;

export async function exportRegistry(options: { format: string; includeRetired?: boolean }): Promise<void> {
  const exporter = FORMATS[options.format as keyof typeof FORMATS];
  if (!Object.hasOwn(FORMATS, options.format) || !exporter) {
    process.stderr.write(`upkeep: --format must be csv or json, not "${options.format}".\n`);
    process.exitCode = 1;
    return;
  }
  await withRuntime(async (deps) => {
    try {
      // pipeline waits whenever the reader is slower than the database; stdout stays open.
      await pipeline(Readable.from(exporter(deps, CLI_ACTOR, options.includeRetired ?? false)), process.stdout, { end: false });
    } catch (err) {
      // The reader went away (`upkeep export | head`): not a failure of the export.
      if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
    }
  });
}
