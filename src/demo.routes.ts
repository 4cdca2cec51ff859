import { z } from 'zod';
import { loadDemo } from './demo.ts';
import type { Deps } from './platform/deps.ts';
import { conflict } from './platform/http/problem.ts';
import { problems } from './platform/http/responses.ts';
import type { App } from './platform/http/server.ts';

const demoLoaded = z
  .object({
    clients: z.number(),
    projects: z.number(),
    providers: z.number(),
    users: z.number(),
    assets: z.number(),
    businessCalendars: z.number().describe('Support hours the desk demo created (the default plan makes its own on first use)'),
    slaPlans: z.number().describe('Clients given an SLA plan'),
    tickets: z.number(),
    billingProfiles: z.number(),
    invoices: z.number().describe('Invoices a person made, the draft included'),
    creditNotes: z.number(),
    payments: z.number(),
    renewalInvoices: z.number().describe("Invoices today's billing run issued for renewals due soon"),
  })
  .meta({ id: 'DemoLoaded' });

type DemoLoaded = z.infer<typeof demoLoaded>;

/**
 * A newcomer's first look: an owner or admin may fill an empty registry with the demo agency and
 * its desk. It lives here, above the capabilities, because it puts the registry, the desk and billing together.
 */
export function demoRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/demo',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['demo'],
        summary: 'Load the demo agency into an empty registry',
        response: { 201: demoLoaded, ...problems(401, 403, 409) },
      },
    },
    async (req, reply) => {
      const loaded = await loadDemo(deps, req.actor);
      if (!loaded) throw conflict('The registry is not empty; the demo agency is only loaded into an empty one.');
      return reply.code(201).send(loaded as DemoLoaded);
    },
  );
}
