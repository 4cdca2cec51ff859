import fs from 'node:fs';
import http from 'node:http';
import { CLI_ACTOR } from '../src/accounts/model.ts';
import { createChannel } from '../src/notifications/channels.service.ts';
import { deliverNotification } from '../src/notifications/delivery.service.ts';
import { queueNotification } from '../src/notifications/outbox.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { newId } from '../src/platform/ids.ts';
import { createLogger } from '../src/platform/logger.ts';
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('{}')); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const url = `http://127.0.0.1:${(server.address() as any).port}`;
const dir = fs.mkdtempSync('/tmp/qq-');
const database = await openDatabase({ dataDir: dir, sqliteFile: 'x.db' });
await migrateToLatest(database);
const deps = { config: loadConfig({ UPKEEP_DATA_DIR: dir }), logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 1)), now: () => new Date() };
const ch = await createChannel(deps, { actor: CLI_ACTOR, requestId: null }, { kind: 'webhook', name: 'b', config: { url: `${url}/h`, secret: 'bench-signing-secret-0123456789' }, ownerUserId: null, ratePerMinute: null });
const ids: string[] = [];
await database.db.transaction().execute(async (trx) => {
  for (let i = 0; i < 2000; i++) {
    const id = newId('event'); const at = new Date().toISOString();
    await trx.insertInto('events').values({ id, type: 'renewal.due', severity: 'medium', client_id: null, project_id: null, asset_id: null, subject_key: 's' + i, group_key: null, data: JSON.stringify({ assetId: 'a', assetName: 'x', expiresOn: '2026-12-21', daysLeft: 30, price: null }), occurred_at: at, created_at: at }).execute();
    ids.push((await queueNotification(trx, deps, { eventId: id, recipient: { channelId: ch.id }, reason: 'b' }, new Date())).notificationId);
  }
});
const signal = new AbortController().signal;
let t = performance.now();
let next = 0;
await Promise.all(Array.from({ length: Number(process.env.C ?? 32) }, async () => { while (next < ids.length) await deliverNotification(deps, ids[next++]!, signal); }));
console.log('per message ms', (performance.now() - t) / ids.length);
server.close(); await database.close(); fs.rmSync(dir, { recursive: true });
process.exit(0);
