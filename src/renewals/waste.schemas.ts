import { z } from 'zod';
import { page } from '../platform/http/responses.ts';
import { WASTE_CODES } from './waste.model.ts';

/** Request and response shapes of the waste audit API; they also make the OpenAPI document. */
const id = z.string().min(1).max(64);
const instant = z.string().describe('An instant, ISO 8601 in UTC');
const money = z.object({ amount: z.number().int().describe('Minor units'), currency: z.string() }).meta({ id: 'WasteMoney', description: 'An amount of money in minor units' });

export const idParams = z.strictObject({ id });

export const auditBody = z
  .strictObject({ clientId: id.optional().describe('Audit only this client; every client when left out') })
  .default({});

export const auditView = z
  .object({
    id: z.string(),
    state: z.enum(['running', 'finished', 'failed']),
    clientId: z.string().nullable(),
    startedBy: z.string().nullable(),
    startedAt: instant,
    finishedAt: instant.nullable(),
    counts: z
      .object({
        total: z.number().int().describe('Assets in scope when the audit started'),
        assets: z.number().int().describe('Assets looked at so far'),
        checked: z.number().int().describe('Assets every fact of which could be gathered'),
        flagged: z.number().int().describe('Assets that look wasted'),
        unknown: z.number().int().describe('Assets with facts that could not be gathered'),
        ms: z.number().int(),
      })
      .nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'WasteAudit', description: 'One run of the waste audit' });

export const auditsQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const auditPage = page(auditView, 'WasteAuditPage', 'waste audits, latest first');

export const reportQuery = z.strictObject({
  clientId: id.optional(),
  code: z.enum(WASTE_CODES).optional().describe('Only items with this reason'),
  state: z.enum(['open', 'cancel-decided']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const reason = z.object({
  code: z.enum(WASTE_CODES),
  evidence: z.array(z.string()).describe('Why, in words a person can check'),
  duplicateOf: z.string().optional().describe('For duplicates: the asset recorded first, which is kept'),
});

const clientTotal = z.object({
  clientId: z.string(),
  clientName: z.string(),
  totals: z.array(money).describe('One total per currency'),
  unpriced: z.number().int().describe('Items without a recorded price'),
  items: z.number().int(),
});

export const reportView = z
  .object({
    audit: z.object({ id: z.string(), startedAt: instant, finishedAt: instant.nullable(), clientId: z.string().nullable() }).nullable().describe('The finished audit the report is from; null before the first'),
    items: z.array(
      z.object({
        assetId: z.string(),
        assetName: z.string(),
        identifier: z.string(),
        kind: z.string(),
        clientId: z.string(),
        clientName: z.string(),
        state: z.enum(['open', 'cancel-decided']),
        reasons: z.array(reason),
        unknown: z.array(z.string()).describe('Facts that could not be gathered'),
        yearlySaving: money.nullable().describe('Null when the asset has no price recorded'),
        decision: z.object({ decision: z.enum(['keep', 'cancel']), decidedAt: instant, keptUntil: instant.nullable() }).nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
    byClient: z.array(clientTotal).describe('Potential yearly saving per client over every listed item, not only this page'),
    overall: z.object({ totals: z.array(money), unpriced: z.number().int(), items: z.number().int() }),
  })
  .meta({ id: 'WasteReport', description: 'What the latest waste audit found, with the decisions taken since' });

export const decisionBody = z.strictObject({
  decision: z.enum(['keep', 'cancel']),
  keepForDays: z.number().int().min(1, 'must be at least 1 day').max(730, 'must be at most 730 days').optional().describe('For keep: days the asset is not flagged again; 180 when left out'),
  note: z.string().trim().max(2000).optional(),
});

export const decisionView = z
  .object({
    id: z.string(),
    assetId: z.string(),
    decision: z.enum(['keep', 'cancel']),
    keepForDays: z.number().int().nullable(),
    keptUntil: instant.nullable(),
    note: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: instant,
    asset: z.object({ status: z.string(), autoRenew: z.boolean() }).describe('The asset after the decision'),
  })
  .meta({ id: 'WasteDecision', description: 'A keep or cancel decision on a flagged asset' });
