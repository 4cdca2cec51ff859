import { CLI_ACTOR } from '../accounts/model.ts';
import { verifyAudit } from '../platform/audit/store.ts';
import { loadConfig } from '../platform/config.ts';
import type { Deps } from '../platform/deps.ts';
import { createLogger } from '../platform/logger.ts';
import { openRuntime } from '../platform/runtime.ts';
import { loadDemo } from '../demo.ts';

async function withRuntime(work: (deps: Deps) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const deps = await openRuntime(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr));
  try {
    await work(deps);
  } finally {
    await deps.database.close();
  }
}

export async function migrate(): Promise<void> {
  // openRuntime applies pending migrations.
  await withRuntime(async (deps) => {
    process.stdout.write(`Database is up to date (${deps.database.location}).\n`);
  });
}

export async function auditVerify(): Promise<void> {
  await withRuntime(async (deps) => {
    const verdict = await verifyAudit(deps.database.db);
    if (verdict.ok) {
      process.stdout.write(`Audit log intact: ${verdict.checked} entries verified.\n`);
      return;
    }
    process.stdout.write(
      `Audit log TAMPERED: entry #${verdict.firstBadSeq} (${verdict.entryId}) ${verdict.reason === 'hash-mismatch' ? 'was altered' : 'does not follow the entry before it (an entry was removed or inserted)'}. ` +
        `${verdict.checked} entries before it are intact.\n`,
    );
    process.exitCode = 2;
  });
}

export async function demo(): Promise<void> {
  await withRuntime(async (deps) => {
    const loaded = await loadDemo(deps, CLI_ACTOR);
    process.stdout.write(loaded ? `Demo agency loaded: ${JSON.stringify(loaded)}\n` : 'The registry is not empty; the demo agency was not loaded.\n');
  });
}
