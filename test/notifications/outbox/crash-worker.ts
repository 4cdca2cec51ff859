import os from 'node:os';
import { deliveryJobs } from '../../../src/notifications/delivery.jobs.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { createSecretBox } from '../../../src/platform/crypto/secrets.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { JobWorker } from '../../../src/platform/jobs/worker.ts';
import { createLogger } from '../../../src/platform/logger.ts';

/**
 * A delivery worker in a process of its own, so a test can kill it mid-send (SIGKILL: no
 * shutdown, no release) and check that a worker started afterwards delivers exactly once.
 * Settings come as JSON in UPKEEP_CRASH_WORKER.
 */
const settings = JSON.parse(process.env.UPKEEP_CRASH_WORKER ?? '{}') as { openOptions: Parameters<typeof openDatabase>[0]; leaseMs: number };
const database = await openDatabase(settings.openOptions);
const config = loadConfig({ UPKEEP_DATA_DIR: os.tmpdir(), UPKEEP_LOG_LEVEL: 'silent' });
const deps = { config, logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 7)), now: () => new Date() };
new JobWorker({ database, handlers: deliveryJobs(deps), logger: deps.logger, concurrency: 2, pollIntervalMs: 10, leaseMs: settings.leaseMs, workerId: `crash-worker:${process.pid}` }).start();
process.stdout.write('ready\n');
