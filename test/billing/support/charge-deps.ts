import os from 'node:os';
import { loadConfig } from '../../../src/platform/config.ts';
import { createSecretBox } from '../../../src/platform/crypto/secrets.ts';
import type { Database } from '../../../src/platform/db/database.ts';
import type { Deps } from '../../../src/platform/deps.ts';
import { createLogger } from '../../../src/platform/logger.ts';

/**
 * The deps a charging process works with, built the same way in the test and in the child
 * process it kills (as `test/support/app.ts` builds them): the same database, the same
 * installation key (so both open the sealed gateway credentials) and Stripe at the fake's URL.
 */
export const DATABASE_ENV = 'UPKEEP_TEST_CHARGE_DATABASE';

export function chargeDeps(database: Database, stripeApiUrl: string, now: () => Date): Deps {
  const config = loadConfig({ UPKEEP_DATA_DIR: os.tmpdir(), UPKEEP_PORT: '0', UPKEEP_LOG_LEVEL: 'silent', UPKEEP_STRIPE_API_URL: stripeApiUrl });
  return { config, logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 7)), now };
}
