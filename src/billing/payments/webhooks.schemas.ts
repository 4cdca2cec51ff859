import { z } from 'zod';

/** What the webhook endpoints answer a gateway; the shapes also make the OpenAPI document. */
export const webhookReceived = z
  .strictObject({
    received: z.literal(true),
    duplicate: z.boolean().describe('The event was processed before (a replay): nothing changed'),
    outcome: z
      .enum(['recorded', 'unchanged', 'ignored', 'refund-recorded', 'methods-synced'])
      .optional()
      .describe("What the event did: a charge's answer recorded, nothing new (already known, or older than what is known), not about anything of ours, a refund recorded, the client's saved methods read again"),
  })
  .meta({ id: 'WebhookReceived', description: 'A verified gateway event, received' });
