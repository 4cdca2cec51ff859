import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { loadSecretKey } from '../../src/platform/crypto/secrets.ts';
import { hashToken } from '../../src/platform/crypto/tokens.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { testDialect, testPgUrl } from '../support/db.ts';

/**
 * The real `upkeep` command, run as a child process against a data folder (and, on the
 * PostgreSQL pass, a database) of its own, as an operator would run it.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const domainmod = path.resolve(root, '../shared/fixtures/imports/domainmod-import-template-sample.csv');
const STACK_LINE = /\n\s+at .+:\d+:\d+\)?/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything of ours, so the host's settings never leak into a run. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('UPKEEP_') && k !== 'DATABASE_URL'));

function cli(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/upkeep.js', ...args], { cwd: root, env: { ...cleanEnv, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function adminQuery(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client(testPgUrl);
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the PostgreSQL pass. Not a schema picked by search_path: Kysely's
 * migrator finds its bookkeeping tables in *any* schema of the database (those of the other test
 * files), then fails to read them from ours — see the report on openRuntime/migrateToLatest.
 */
async function createPgDatabase(): Promise<string> {
  const { rows } = await adminQuery("select datname from pg_database where datname like 'upkeep_cli_%'");
  for (const { datname } of rows as { datname: string }[]) {
    if (Number(datname.split('_')[2]) < Date.now() - 86_400_000) await adminQuery(`drop database if exists ${datname} with (force)`);
  }
  const name = `upkeep_cli_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let dataDir: string;
let env: Record<string, string>;
let databaseUrl: string | undefined;
let db: Database;

const run = (args: string[], input?: string) => cli(args, env, input);

async function count(table: 'assets' | 'clients' | 'audit_log' | 'providers'): Promise<number> {
  return Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-cli-'));
  databaseUrl = testDialect === 'postgres' ? await createPgDatabase() : undefined;
  env = { UPKEEP_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
});

afterAll(async () => {
  await db?.close();
  if (databaseUrl) await adminQuery(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('upkeep CLI, one installation from migrate to audit verify', () => {
  it('migrate creates the database, and says so again when there is nothing to do', async () => {
    const first = await run(['migrate']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Database is up to date \(.+\)\.\n$/);
    expect(first.stdout).toContain(databaseUrl ? new URL(databaseUrl).pathname.slice(1) : path.join(dataDir, 'upkeep.db'));
    const second = await run(['migrate']);
    expect(second.code, second.stderr).toBe(0);
    db = await openDatabase(databaseUrl ? { databaseUrl, dataDir } : { dataDir, sqliteFile: 'upkeep.db' });
    expect(await count('audit_log')).toBe(0);
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  }, 20_000);

  it('user create reads the password from stdin and never prints it', async () => {
    const res = await run(['user', 'create', '--role', 'owner', '--email', 'owner@cli.test', '--name', 'Cli Owner', '--password-stdin'], 'correct horse battery staple\n');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Created owner owner@cli\.test \(usr_[0-9A-Z]+\)\.\n$/);
    expect(res.stdout + res.stderr).not.toContain('correct horse');
    const user = await db.db.selectFrom('users').selectAll().where('email', '=', 'owner@cli.test').executeTakeFirstOrThrow();
    expect(user.role).toBe('owner');
    expect(JSON.stringify(user)).not.toContain('correct horse battery staple');
  }, 20_000);

  it('token create prints only the token, and the token works against a server on the same database', async () => {
    const res = await run(['token', 'create', '--email', 'owner@cli.test', '--scopes', 'read,write,admin']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^\S+\n$/);
    expect(res.stderr).toContain('not shown again');
    const token = res.stdout.trim();
    const stored = await db.db.selectFrom('api_tokens').select(['token_hash', 'scopes']).execute();
    expect(stored.map((r) => r.token_hash)).toEqual([hashToken(token)]);

    const config = loadConfig({ UPKEEP_DATA_DIR: dataDir, UPKEEP_PORT: '0', UPKEEP_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, logger: createLogger('silent'), database: db, secrets: loadSecretKey({ dataDir }), now: () => new Date() });
    try {
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().user).toMatchObject({ email: 'owner@cli.test', role: 'owner' });
      const wrong = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  }, 20_000);

  it('import without --commit reports what it would do and writes nothing', async () => {
    const before = { assets: await count('assets'), clients: await count('clients'), audit: await count('audit_log') };
    const res = await run(['import', domainmod, '--client', 'CLI Client']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Dry run of domainmod-import-template-sample.csv: nothing was written.');
    expect(res.stdout).toContain('10 rows: 10 to create, 0 to update, 0 unchanged, 0 rejected');
    expect(res.stdout).toContain('new clients: CLI Client');
    expect(res.stdout).toContain('new providers: Dynadot, Linode Domains, 10Dollar.ca');
    expect(res.stdout).toContain('--commit');
    expect({ assets: await count('assets'), clients: await count('clients'), audit: await count('audit_log') }).toEqual(before);
  }, 20_000);

  it('import --commit writes every row as the CLI, and a second run changes nothing', async () => {
    const res = await run(['import', domainmod, '--client', 'CLI Client', '--commit']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Imported domainmod-import-template-sample\.csv \(imp_[0-9A-Z]+\)\.\n/);
    expect(res.stdout).toContain('10 rows: 10 created, 0 updated, 0 unchanged, 0 rejected');
    expect(await count('assets')).toBe(10);
    expect(await count('providers')).toBe(3);
    const one = await db.db.selectFrom('assets').innerJoin('clients', 'clients.id', 'assets.client_id').select(['clients.name as client', 'assets.renewal_amount', 'assets.currency', 'assets.expires_on', 'assets.secrets']).where('identifier', '=', 'example.one').executeTakeFirstOrThrow();
    expect(one).toMatchObject({ client: 'CLI Client', renewal_amount: 200, currency: 'USD', expires_on: '2025-05-11' });
    expect(one.secrets).not.toContain('pass1');
    const entry = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.committed').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_type: 'cli', actor_id: 'cli', entity_id: res.stdout.match(/\((imp_[0-9A-Z]+)\)/)![1] });

    const again = await run(['import', domainmod, '--client', 'CLI Client', '--commit']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('10 rows: 0 created, 0 updated, 10 unchanged, 0 rejected');
    expect(await count('assets')).toBe(10);
  }, 20_000);

  it('import --mapping reads a sheet its own way; rejected rows fail the commit with exit code 1 and write nothing', async () => {
    const mapping = path.join(dataDir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ Kund: 'client', Domän: 'identifier', Typ: 'kind', Utgår: 'expiresOn', Kostnad: 'cost' }));
    const good = (i: number) => `Sheet Co;sheet-${i}.example;domain;31.12.2026;1 234,50 SEK;x`;
    const rows = Array.from({ length: 30 }, (_, i) => (i >= 5 ? `Sheet Co;sheet-${i}.example;domain;31.02.2026;;x` : good(i)));
    const sheet = path.join(dataDir, 'sheet.csv');
    fs.writeFileSync(sheet, ['Kund;Domän;Typ;Utgår;Kostnad;Annat', ...rows].join('\n'));
    const before = await count('assets');

    const refused = await run(['import', sheet, '--mapping', mapping, '--commit']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Nothing was imported from sheet.csv: 25 of 30 rows were rejected.');
    expect(refused.stdout).toContain('line 7, column "Utgår": "31.02.2026" is not a real date: 2026-02 has no day 31');
    expect(refused.stdout.match(/^ {2}line \d+/gm)).toHaveLength(20);
    expect(refused.stdout).toContain('… and 5 more rejected rows');
    expect(refused.stderr).toContain('rows were rejected');
    expect(refused.stderr).not.toMatch(STACK_LINE);
    expect(await count('assets')).toBe(before);

    const dryRun = await run(['import', sheet, '--mapping', mapping]);
    expect(dryRun.code, 'a dry run that finds problems has still done its job').toBe(0);
    expect(dryRun.stdout).toContain('5 to create');

    fs.writeFileSync(sheet, ['Kund;Domän;Typ;Utgår;Kostnad;Annat', ...rows.slice(0, 5)].join('\n'));
    const done = await run(['import', sheet, '--mapping', mapping, '--commit']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('5 rows: 5 created');
    const sheetAsset = await db.db.selectFrom('assets').selectAll().where('identifier', '=', 'sheet-3.example').executeTakeFirstOrThrow();
    expect(sheetAsset).toMatchObject({ expires_on: '2026-12-31', cost_amount: 123450, currency: 'SEK' });
    expect(JSON.parse(sheetAsset.custom_fields)).toEqual({});
  }, 30_000);

  it('export --format csv streams every asset in a CSV that parses; json is one document; other formats are refused', async () => {
    const csv = await run(['export', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const records = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.identifier).sort()).toEqual(
      [...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map((n) => `example.${n}`), ...[0, 1, 2, 3, 4].map((i) => `sheet-${i}.example`)].sort(),
    );
    expect(records.find((r) => r.identifier === 'example.one')).toMatchObject({ client: 'CLI Client', provider: 'Dynadot', providerKind: 'registrar', renewalPrice: '2.00', currency: 'USD', expiresOn: '2025-05-11', tags: 'category a' });
    expect(records.find((r) => r.identifier === 'sheet-0.example')).toMatchObject({ client: 'Sheet Co', cost: '1234.50', currency: 'SEK' });
    expect(csv.stdout).not.toContain('pass1');

    const json = await run(['export', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.assets).toHaveLength(15);
    expect(doc.clients.map((c: { name: string }) => c.name).sort()).toEqual(['CLI Client', 'Sheet Co']);
    expect(json.stdout).not.toContain('pass1');

    const xml = await run(['export', '--format', 'xml']);
    expect(xml.code).toBe(1);
    expect(xml.stderr).toContain('--format must be csv or json');
    expect(xml.stdout).toBe('');
  }, 20_000);

  it('audit verify says the log is intact, and after one entry is altered exits 2 naming it', async () => {
    const entries = await count('audit_log');
    const intact = await run(['audit', 'verify']);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toBe(`Audit log intact: ${entries} entries verified.\n`);

    const victim = await db.db.selectFrom('audit_log').select(['seq', 'id', 'after']).where('action', '=', 'asset.created').orderBy('seq').executeTakeFirstOrThrow();
    const altered = JSON.stringify({ ...JSON.parse(victim.after!), renewalAmount: 1 });
    await db.db.updateTable('audit_log').set({ after: altered }).where('id', '=', victim.id).execute();
    const tampered = await run(['audit', 'verify']);
    expect(tampered.code).toBe(2);
    expect(tampered.stdout).toContain(`Audit log TAMPERED: entry #${victim.seq} (${victim.id}) was altered.`);
    expect(tampered.stdout).toContain(`${Number(victim.seq) - 1} entries before it are intact`);
  }, 20_000);
});

describe('upkeep CLI when something is wrong around it', () => {
  const expectClearFailure = (res: Run, ...phrases: string[]) => {
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr).toMatch(/^upkeep: /);
    for (const phrase of phrases) expect(res.stderr).toContain(phrase);
    expect(res.stderr).not.toMatch(STACK_LINE);
  };

  it('names a bad setting, an unwritable data folder, an unreachable PostgreSQL and an unreadable file, without a stack trace', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-cli-bad-'));
    try {
      fs.writeFileSync(path.join(tmp, 'a-file'), '');
      const underFile = path.join(tmp, 'a-file', 'data');
      const latin1 = path.join(tmp, 'latin1.csv');
      fs.writeFileSync(latin1, iconv.encode('Client,Domain\nBjörk,bjork.example\n', 'windows-1252'));
      const [port, dir, unreachable, encoding, missing] = await Promise.all([
        cli(['migrate'], { UPKEEP_DATA_DIR: tmp, UPKEEP_PORT: 'abc' }),
        cli(['migrate'], { UPKEEP_DATA_DIR: underFile }),
        cli(['migrate'], { UPKEEP_DATA_DIR: tmp, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }),
        cli(['import', latin1, '--client', 'X'], { UPKEEP_DATA_DIR: tmp }),
        cli(['import', path.join(tmp, 'missing.csv')], { UPKEEP_DATA_DIR: tmp }),
      ]);
      expectClearFailure(port, 'UPKEEP_PORT', 'configuration is not valid');
      expectClearFailure(dir, `The data folder ${underFile} cannot be written to`, 'UPKEEP_DATA_DIR');
      expectClearFailure(unreachable, 'PostgreSQL at postgres://postgres@127.0.0.1:1/x cannot be reached', 'DATABASE_URL');
      expectClearFailure(encoding, 'not UTF-8');
      expectClearFailure(missing, 'no such file', 'missing.csv');
      // Nothing was created where the settings were refused.
      expect(fs.readdirSync(tmp).sort()).toEqual(['a-file', 'latin1.csv']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 20_000);

  // Known bug, outside this test's files: with DATABASE_URL set, the data folder is first used for
  // the secret key, and readOrCreateKeyFile rethrows ENOTDIR raw, so the CLI prints a stack trace.
  // When it is fixed this test starts failing: drop the `.fails`.
  it.runIf(testDialect === 'postgres')('names an unwritable data folder when the database is PostgreSQL', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-cli-bad-'));
    try {
      fs.writeFileSync(path.join(tmp, 'a-file'), '');
      const res = await cli(['migrate'], { UPKEEP_DATA_DIR: path.join(tmp, 'a-file', 'data'), DATABASE_URL: databaseUrl! });
      expectClearFailure(res, path.join(tmp, 'a-file', 'data'));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 20_000);
});
