import { closeMailTransports } from '../notifications/channels/index.ts';
import os from 'node:os';
import { buildApp } from '../app.ts';
import { issueSetupToken } from '../accounts/setup.ts';
import { loadConfig } from '../platform/config.ts';
import type { Deps } from '../platform/deps.ts';
import { JobWorker } from '../platform/jobs/worker.ts';
import { openRuntime } from '../platform/runtime.ts';
import { jobHandlers, scheduleRecurringJobs } from '../jobs.ts';
import { loadDemo } from '../demo.ts';
import { MonitorEngine } from '../monitoring/engine/index.ts';

function startWorker(deps: Deps, location: string): JobWorker {
  const worker = new JobWorker({
    database: deps.database,
    handlers: jobHandlers(deps),
    logger: deps.logger.child({ component: 'worker', location }),
    concurrency: deps.config.workerConcurrency,
    pollIntervalMs: 1000,
    leaseMs: 60_000,
    workerId: `${os.hostname()}:${process.pid}:${location}`,
  });
  worker.start();
  return worker;
}

/** Checks the monitors of `location` whose shards this process leases (see monitoring/engine). */
async function startMonitors(deps: Deps, location: string): Promise<MonitorEngine> {
  const engine = new MonitorEngine(deps, { location, workerId: `${os.hostname()}:${process.pid}:${location}`, refreshRdapBootstrap: true });
  await engine.start();
  return engine;
}

/** Stop on SIGTERM or SIGINT: stop taking work, finish or release what is in hand, then close. */
function onShutdown(deps: Deps, stopParts: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down');
    await stopParts();
    // After the workers: a message being sent finishes on its pooled connection first.
    closeMailTransports();
    await deps.database.close();
    deps.logger.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

export async function start(options: { demo?: boolean }): Promise<void> {
  const deps = await openRuntime(loadConfig());
  if (options.demo) {
    const loaded = await loadDemo(deps);
    if (loaded) deps.logger.info(loaded, 'demo agency loaded');
  }
  const app = await buildApp(deps);
  await app.listen({ host: deps.config.host, port: deps.config.port });
  await scheduleRecurringJobs(deps);
  const worker = startWorker(deps, 'main');
  const monitors = await startMonitors(deps, 'main');
  const setupToken = await issueSetupToken(deps);
  const url = deps.config.publicUrl;
  process.stdout.write(`\nUpkeep is running on ${url} (database: ${deps.database.location})\n`);
  if (setupToken) {
    process.stdout.write(
      `No owner exists yet. Create one with\n  npx upkeep user create --role owner --email you@example.com --name "Your Name"\n` +
        `or open ${url}/setup and give this one-time setup token: ${setupToken}\n\n`,
    );
  }
  onShutdown(deps, async () => {
    await app.close();
    await monitors.stop();
    await worker.stop();
  });
}

export async function startWorkerOnly(options: { location: string }): Promise<void> {
  const deps = await openRuntime(loadConfig());
  const worker = startWorker(deps, options.location);
  const monitors = await startMonitors(deps, options.location);
  process.stdout.write(`Upkeep worker ${options.location} is running (database: ${deps.database.location})\n`);
  onShutdown(deps, async () => {
    await monitors.stop();
    await worker.stop();
  });
}
