import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './server.ts';

/**
 * The browser app: Vite's build in `web/dist`, served by the same process as the API. Any GET
 * outside `/api` that is no file is a page of the app, answered with its `index.html`.
 */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

export async function serveWebApp(app: App, dist = WEB_DIST): Promise<boolean> {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, { root: path.join(dist, 'static'), prefix: '/static/', decorateReply: false, maxAge: '1y', immutable: true });
  const html = fs.readFileSync(index, 'utf8');
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
  return true;
}
