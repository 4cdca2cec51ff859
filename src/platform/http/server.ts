import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { sendProblem } from './errors.ts';
import { openapiTransform, openapiTransformObject } from './openapi.ts';
import { ProblemError } from './problem.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** A capability's routes: a function that adds them to the app. */
export type RouteModule = (app: App, deps: Deps) => void;

export interface ServerParts {
  /** Runs before every route: resolves who is asking and whether they may. */
  guard: (app: App) => void;
  routes: RouteModule[];
}

export async function buildServer(deps: Deps, parts: ServerParts): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: (req) => validRequestId(req.headers['x-request-id']) ?? randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a text/plain body to a JSON route is a 415, not a confusing "expected object".
  // The import routes add their own CSV parsers in a scope of their own.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, request, reply) => sendProblem(request, reply, err as Error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new ProblemError(404, 'not-found', 'Not found', `No route for ${request.method} ${request.url.split('?')[0]}.`)),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  parts.guard(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Upkeep API', version: '1', description: 'The registry of every renewable client service, and what watches it.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `upkeep token create` or the settings page.' },
          session: { type: 'apiKey', in: 'cookie', name: 'upkeep_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const register of parts.routes) register(app, deps);
  return app;
}

// A caller's request id is kept so logs can be followed across services, but only if sane.
function validRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,100}$/.test(value) ? value : undefined;
}
