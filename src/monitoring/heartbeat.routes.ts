import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../platform/deps.ts';
import { notFound, ProblemError } from '../platform/http/problem.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { newId } from '../platform/ids.ts';
import { heartbeatReceived } from './engine/heartbeat.ts';
import { pingKeyHash } from './monitors.prepare.ts';
import { findMonitorByPingHash, insertPing } from './monitors.store.ts';

/**
 * Heartbeat pings: a cron job or backup script calls `/ping/<token>` when it succeeds, `/start`
 * when it begins, `/fail` or `/<exit code>` when it ends. No sign-in: the unguessable token is
 * the credential, so it is only ever compared by hash, and these routes log nothing at info
 * level (the request line would carry the token).
 */
const tags = ['heartbeats'];
/** What is kept of a ping's body: enough for the tail of a job's output. */
export const PING_BODY_KEEP = 10_000;
const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;

type PingKind = 'success' | 'start' | 'fail';

/** A size reported in the body: a bare number, or JSON {"size": n}. */
export function sizeOf(body: string): number | null {
  const text = body.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (!text.startsWith('{')) return null;
  try {
    const size = (JSON.parse(text) as { size?: unknown }).size;
    return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null;
  } catch {
    return null;
  }
}

/** Reads any body as text, keeping its start and refusing only one past the server's body limit. */
function readPingBody(limit: number) {
  return (_req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: string) => void) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let total = 0;
    payload.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return;
      if (keptBytes < PING_BODY_KEEP * 4) {
        kept.push(chunk);
        keptBytes += chunk.length;
      }
    });
    payload.on('error', (err: Error) => done(err));
    payload.on('end', () => {
      if (total > limit) return done(new ProblemError(413, 'too-large', 'Request body too large', 'The request body is larger than this server accepts.'));
      done(null, Buffer.concat(kept).toString('utf8').slice(0, PING_BODY_KEEP));
    });
  };
}

const tokenParams = z.strictObject({ token: z.string().max(200) });
const exitParams = z.strictObject({ token: z.string().max(200), exitCode: z.string().regex(/^\d{1,3}$/, 'must be an exit code 0-255').refine((v) => Number(v) <= 255, 'must be an exit code 0-255') });
const ok = z.string().describe('"OK"');

export function heartbeatRoutes(app: App, deps: Deps): void {
  void app.register(async (scoped: App) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', readPingBody(deps.config.bodyLimitBytes));

    const record = async (req: FastifyRequest, token: string, kind: PingKind, exitCode: number | null) => {
      if (!TOKEN.test(token)) throw notFound('heartbeat');
      const monitor = await findMonitorByPingHash(deps.database.db, pingKeyHash(token));
      if (!monitor) throw notFound('heartbeat');
      const now = deps.now();
      const body = typeof req.body === 'string' && req.body.length > 0 ? req.body : null;
      await insertPing(deps.database.db, {
        id: newId('ping'),
        monitor_id: monitor.id,
        kind,
        exit_code: exitCode,
        size_bytes: body === null ? null : sizeOf(body),
        body,
        source_ip: req.ip,
        received_at: now.toISOString(),
      });
      await heartbeatReceived(deps, monitor.id, now);
      return 'OK';
    };

    const options = (summary: string, params: z.ZodType) => ({
      config: { access: 'public' as const },
      logLevel: 'warn' as const,
      schema: { tags, security: [], summary, params, response: { 200: ok, ...problems(400, 404, 413) } },
    });
    const routes: [string, string, z.ZodType, (req: FastifyRequest) => Promise<string>][] = [
      ['/ping/:token', 'The job succeeded', tokenParams, (req) => record(req, (req.params as { token: string }).token, 'success', null)],
      ['/ping/:token/start', 'The job started', tokenParams, (req) => record(req, (req.params as { token: string }).token, 'start', null)],
      ['/ping/:token/fail', 'The job failed', tokenParams, (req) => record(req, (req.params as { token: string }).token, 'fail', null)],
      [
        '/ping/:token/:exitCode',
        'The job ended with this exit code: 0 is success, anything else a failure',
        exitParams,
        (req) => {
          const { token, exitCode } = req.params as { token: string; exitCode: string };
          return record(req, token, Number(exitCode) === 0 ? 'success' : 'fail', Number(exitCode));
        },
      ],
    ];
    for (const [url, summary, params, handle] of routes) {
      scoped.route({ method: ['GET', 'POST'], url, ...options(summary, params), handler: async (req, reply) => reply.type('text/plain; charset=utf-8').send(await handle(req)) });
    }
  });
}
