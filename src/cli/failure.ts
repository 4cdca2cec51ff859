import { ConfigError } from '../platform/config.ts';
import { SecretKeyError } from '../platform/crypto/secrets.ts';
import { DatabaseUnavailableError } from '../platform/db/database.ts';
import { MigrationError } from '../platform/db/migrate.ts';
import { ProblemError } from '../platform/http/problem.ts';

/**
 * Problems an operator can fix get one clear message and exit code 1; only a genuine bug
 * prints a stack trace.
 */
export function explainFailure(err: unknown): string {
  if (err instanceof ConfigError || err instanceof DatabaseUnavailableError || err instanceof SecretKeyError || err instanceof MigrationError) {
    return err.message;
  }
  if (err instanceof ProblemError) {
    const fields = (err.errors ?? []).map((e) => `\n  ${e.field}: ${e.message}`).join('');
    return `${err.title}: ${err.detail ?? ''}${fields}`;
  }
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `The port is already in use (${(err as Error).message}). Set UPKEEP_PORT to a free port.`;
  if (code === 'EACCES') return `Permission denied: ${(err as Error).message}`;
  if (code === 'ENOENT') return (err as Error).message;
  return (err as Error)?.stack ?? String(err);
}

export async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    process.stderr.write(`upkeep: ${explainFailure(err)}\n`);
    process.exitCode = 1;
  }
}
