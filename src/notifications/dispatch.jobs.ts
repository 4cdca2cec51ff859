import { z } from 'zod';
import type { Deps } from '../platform/deps.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { DIGEST_JOB, DIGEST_SWEEP_JOB, scheduleDigestSweep, sendDigest, sweepDigests } from './digests.service.ts';
import { dispatchEvent } from './dispatch.service.ts';
import { ESCALATE_JOB, runEscalationStep } from './escalation.service.ts';
import { DISPATCH_JOB } from './events.ts';

/**
 * The jobs of routing and escalation: dispatching each published event, each later escalation
 * step, each recipient's digest, and a daily sweep for digests whose job was lost.
 */
const dispatchPayload = z.object({ eventId: z.string().min(1) });
const stepPayload = z.object({ subjectKey: z.string().min(1), policyId: z.string().min(1), step: z.number().int().min(0), startedAt: z.string() });
const digestPayload = z.object({ recipientKey: z.string().min(1), dueAt: z.string() });

function parse<T>(schema: z.ZodType<T>, payload: unknown, job: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`The payload of ${job} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

export function dispatchJobs(deps: Deps): JobHandlers {
  return {
    [DISPATCH_JOB]: async (payload, { logger }) => {
      const { eventId } = parse(dispatchPayload, payload, DISPATCH_JOB);
      logger.info({ eventId, outcome: await dispatchEvent(deps, eventId) }, 'event dispatched');
    },
    [ESCALATE_JOB]: async (payload, { logger }) => {
      const step = parse(stepPayload, payload, ESCALATE_JOB);
      logger.info({ ...step, outcome: await runEscalationStep(deps, step) }, 'escalation step');
    },
    [DIGEST_JOB]: async (payload, { logger }) => {
      const { recipientKey, dueAt } = parse(digestPayload, payload, DIGEST_JOB);
      logger.info({ recipientKey, ...(await sendDigest(deps, recipientKey, dueAt)) }, 'digest sent');
    },
    [DIGEST_SWEEP_JOB]: async (_payload, { logger }) => {
      logger.info({ recipients: await sweepDigests(deps) }, 'overdue digests swept');
      const tomorrow = new Date(deps.now());
      tomorrow.setUTCHours(24, 0, 0, 0);
      await scheduleDigestSweep(deps, tomorrow);
    },
  };
}

/** Books the daily digest sweep; safe on every start (keyed by its day). */
export async function scheduleNotificationPolicyJobs(deps: Deps): Promise<void> {
  await scheduleDigestSweep(deps, deps.now());
}
