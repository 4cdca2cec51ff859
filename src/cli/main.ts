import { Command } from 'commander';
import { runCommand } from './failure.ts';

/** `upkeep <command>`: each command loads only what it needs, so `--help` stays instant. */
const program = new Command()
  .name('upkeep')
  .description('Keeps every client service that must be renewed or watched in one registry.')
  .showHelpAfterError();

program
  .command('start')
  .description('Run the API, the web app and a worker (migrates the database first)')
  .option('--demo', 'load a demo agency into an empty registry')
  .action((opts) => runCommand(async () => (await import('./start.ts')).start(opts)));

program
  .command('worker')
  .description('Run an extra worker process that shares the work through the database')
  .option('--location <name>', 'where this worker runs, e.g. eu-1', 'main')
  .action((opts) => runCommand(async () => (await import('./start.ts')).startWorkerOnly(opts)));

program
  .command('migrate')
  .description('Create or upgrade the database, then exit')
  .action(() => runCommand(async () => (await import('./maintenance.ts')).migrate()));

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user; the password is read from a prompt, --password-stdin, or generated')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role>', 'owner, admin, manager, viewer or client', 'manager')
  .option('--client <name-or-id>', 'the client a client-portal user belongs to')
  .option('--password-stdin', 'read the password from standard input')
  .option('--locale <locale>', 'en, sv, nl, fr, da or ru')
  .option('--time-zone <zone>', 'an IANA time zone, e.g. Europe/Stockholm')
  .action((opts) => runCommand(async () => (await import('./accounts.ts')).userCreate(opts)));

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Print a new bearer token for a user')
  .requiredOption('--email <email>', 'the user the token acts for')
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--scopes <list>', 'read, write and/or admin, comma-separated', 'read,write')
  .option('--expires <date>', 'when the token stops working (ISO date)')
  .action((opts) => runCommand(async () => (await import('./accounts.ts')).tokenCreate(opts)));

program
  .command('import <file>')
  .description('Import assets from a CSV file (dry run unless --commit)')
  .option('--client <name>', 'client for rows that name none')
  .option('--mapping <file>', 'a JSON file mapping CSV headers to fields; default: the suggested mapping')
  .option('--encoding <name>', 'utf-8 (default), windows-1252, iso-8859-1, utf-16le or utf-16be')
  .option('--commit', 'apply the import (all rows or none)')
  .action((file, opts) => runCommand(async () => (await import('./registry.ts')).importFile(file, opts)));

program
  .command('export')
  .description('Export the registry to standard output')
  .option('--format <format>', 'csv (assets) or json (everything)', 'csv')
  .option('--include-retired', 'include retired assets')
  .action((opts) => runCommand(async () => (await import('./registry.ts')).exportRegistry(opts)));

const audit = program.command('audit').description('The audit log');
audit
  .command('verify')
  .description('Check the hash chain and report the first tampered entry')
  .action(() => runCommand(async () => (await import('./maintenance.ts')).auditVerify()));

program
  .command('demo')
  .description('Load the demo agency into an empty registry, then exit')
  .action(() => runCommand(async () => (await import('./maintenance.ts')).demo()));

await program.parseAsync(process.argv);
