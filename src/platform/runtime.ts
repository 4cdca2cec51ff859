import type { Config } from './config.ts';
import { loadSecretKey } from './crypto/secrets.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { createLogger, type Logger } from './logger.ts';

/**
 * Open everything a process needs, in the order that gives the clearest failure: the data
 * folder and database first (with migrations applied), then the secret key.
 */
export async function openRuntime(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<Deps> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ applied, database: database.location }, 'database migrated');
    const secrets = loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir });
    return { config, logger, database, secrets, now: () => new Date() };
  } catch (err) {
    await database.close();
    throw err;
  }
}
