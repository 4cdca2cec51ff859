import { CLI_ACTOR } from '../../../src/accounts/model.ts';
import { charge } from '../../../src/billing/payments/charges.service.ts';
import { openDatabase, type OpenOptions } from '../../../src/platform/db/database.ts';
import { chargeDeps, DATABASE_ENV } from './charge-deps.ts';

/**
 * A process that charges one invoice, as a worker would, for a test to kill midway:
 * `node --import tsx test/billing/support/charge-child.ts <invoiceId> <methodId>`, with the
 * database's open options (JSON) in UPKEEP_TEST_CHARGE_DATABASE and Stripe's API base in
 * UPKEEP_STRIPE_API_URL. Prints the recorded charge as JSON if it lives that long.
 */
const [invoiceId, methodId] = process.argv.slice(2);
const openOptions = JSON.parse(process.env[DATABASE_ENV] ?? 'null') as OpenOptions | null;
const stripeApiUrl = process.env.UPKEEP_STRIPE_API_URL;
if (!invoiceId || !methodId || !openOptions || !stripeApiUrl) {
  process.stderr.write(`usage: charge-child.ts <invoiceId> <methodId> with ${DATABASE_ENV} and UPKEEP_STRIPE_API_URL set\n`);
  process.exit(2);
}

const database = await openDatabase(openOptions);
try {
  const deps = chargeDeps(database, stripeApiUrl, () => new Date());
  const recorded = await charge(deps, { actor: CLI_ACTOR, requestId: null }, { invoiceId, methodId, trigger: 'auto' });
  process.stdout.write(`${JSON.stringify(recorded)}\n`);
} finally {
  await database.close();
}
