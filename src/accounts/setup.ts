import { hashToken, randomToken } from '../platform/crypto/tokens.ts';
import type { Deps } from '../platform/deps.ts';
import { forbidden } from '../platform/http/problem.ts';
import { saveAgency, type Agency } from './agency.ts';
import { systemActor, type User } from './model.ts';
import { createUser, type NewUser } from './service.ts';
import * as store from './store.ts';

/**
 * First run: there is no default password. Until an owner exists, start-up prints a one-time
 * setup token; whoever presents it may create the first owner, and the token is then gone.
 */
const SETUP_KEY = 'setup_token_hash';

export async function needsSetup(deps: Deps): Promise<boolean> {
  return (await store.countOwners(deps.database.db)) === 0;
}

/** A fresh setup token when no owner exists yet (printed by `upkeep start`), else null. */
export async function issueSetupToken(deps: Deps): Promise<string | null> {
  if (!(await needsSetup(deps))) return null;
  const token = randomToken('setup', 18);
  await store.writeSetting(deps.database.db, SETUP_KEY, hashToken(token), deps.now().toISOString());
  return token;
}

export interface AgencyAtSetup {
  agencyName?: string | undefined;
  currency?: string | undefined;
}

export async function completeSetup(
  deps: Deps,
  token: string,
  owner: Omit<NewUser, 'role' | 'clientId'>,
  requestId: string | null,
  agency: AgencyAtSetup = {},
): Promise<User> {
  // Taking the token is the one atomic step: of several requests presenting it at once, only
  // one deletes it, so checking first and deleting after the (slow) owner creation would let
  // each of them create an owner.
  const presented = hashToken(token);
  if (!(await store.takeSetting(deps.database.db, SETUP_KEY, presented)) || !(await needsSetup(deps))) {
    throw forbidden('The setup token is not valid, or setup is already complete.');
  }
  const ctx = { actor: systemActor('setup'), requestId };
  try {
    const user = await createUser(deps, ctx, { ...owner, role: 'owner' });
    await saveAgency(deps, ctx, {
      ...(agency.agencyName ? { name: agency.agencyName } : {}),
      ...(agency.currency ? { currency: agency.currency } : {}),
      locale: user.locale as Agency['locale'],
      timeZone: user.timeZone,
    });
    return user;
  } catch (err) {
    // Nothing was created: the token stays valid for the next attempt.
    await store.writeSetting(deps.database.db, SETUP_KEY, presented, deps.now().toISOString());
    throw err;
  }
}
