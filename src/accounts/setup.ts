import { timingSafeEqual } from 'node:crypto';
import { hashToken, randomToken } from '../platform/crypto/tokens.ts';
import type { Deps } from '../platform/deps.ts';
import { forbidden } from '../platform/http/problem.ts';
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

export async function completeSetup(deps: Deps, token: string, owner: Omit<NewUser, 'role' | 'clientId'>, requestId: string | null): Promise<User> {
  const stored = await store.readSetting(deps.database.db, SETUP_KEY);
  const presented = Buffer.from(hashToken(token));
  if (!stored || !(await needsSetup(deps)) || !timingSafeEqual(Buffer.from(stored), presented)) {
    throw forbidden('The setup token is not valid, or setup is already complete.');
  }
  const user = await createUser(deps, { actor: systemActor('setup'), requestId }, { ...owner, role: 'owner' });
  await store.deleteSetting(deps.database.db, SETUP_KEY);
  return user;
}
