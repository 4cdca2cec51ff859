import { createInterface } from 'node:readline/promises';
import { createApiToken, createUser } from '../accounts/service.ts';
import { findUserRowByEmail } from '../accounts/store.ts';
import { CLI_ACTOR, ROLES, TOKEN_SCOPES, type Role, type TokenScope } from '../accounts/model.ts';
import { loadConfig } from '../platform/config.ts';
import { randomToken } from '../platform/crypto/tokens.ts';
import { openRuntime } from '../platform/runtime.ts';
import { findClientsByNames } from '../registry/parties.store.ts';

const cliContext = { actor: CLI_ACTOR, requestId: null };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The password from stdin, a prompt, or a generated one that is printed once. */
async function choosePassword(options: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (options.passwordStdin) return { password: await readStdin(), generated: false };
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const password = await rl.question('Password (at least 10 characters): ');
    rl.close();
    return { password, generated: false };
  }
  return { password: randomToken('pw', 15).slice(3), generated: true };
}

export async function userCreate(options: { email: string; name: string; role: string; client?: string; passwordStdin?: boolean; locale?: string; timeZone?: string }) {
  if (!ROLES.includes(options.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
  const deps = await openRuntime(loadConfig(), (await import('../platform/logger.ts')).createLogger('warn', process.stderr));
  try {
    let clientId: string | undefined;
    if (options.client) {
      const [client] = await findClientsByNames(deps.database.db, [options.client]);
      clientId = client?.id ?? options.client;
    }
    const { password, generated } = await choosePassword(options);
    const user = await createUser(deps, cliContext, {
      email: options.email,
      name: options.name,
      role: options.role as Role,
      clientId,
      password,
      locale: options.locale,
      timeZone: options.timeZone,
    });
    process.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
    if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
  } finally {
    await deps.database.close();
  }
}

export async function tokenCreate(options: { email: string; name: string; scopes: string; expires?: string }) {
  const scopes = options.scopes.split(',').map((s) => s.trim());
  const unknown = scopes.filter((s) => !TOKEN_SCOPES.includes(s as TokenScope));
  if (unknown.length > 0) throw new Error(`Unknown scope ${unknown.join(', ')}; use ${TOKEN_SCOPES.join(', ')}.`);
  const deps = await openRuntime(loadConfig(), (await import('../platform/logger.ts')).createLogger('warn', process.stderr));
  try {
    const user = await findUserRowByEmail(deps.database.db, options.email);
    if (!user) throw new Error(`No user with email ${options.email}.`);
    const expiresAt = options.expires ? new Date(options.expires).toISOString() : null;
    const issued = await createApiToken(deps, cliContext, { userId: user.id, name: options.name, scopes: scopes as TokenScope[], expiresAt });
    // Only the token on stdout, so `TOKEN=$(npx upkeep token create …)` works.
    process.stdout.write(`${issued.token}\n`);
    process.stderr.write(`Token ${issued.apiToken.id} for ${user.email} with scopes ${scopes.join(', ')}. It is not shown again.\n`);
  } finally {
    await deps.database.close();
  }
}
