import { z } from 'zod';
import type { Deps } from '../platform/deps.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { deliverNotification, type DeliveryOptions } from './delivery.service.ts';
import { DELIVER_JOB } from './outbox.service.ts';

const payload = z.object({ notificationId: z.string().min(1) });

/** The outbox's job: one delivery attempt per run; retries, fallback and giving up are decided by outbox.model.ts. */
export function deliveryJobs(deps: Deps, options: DeliveryOptions = {}): JobHandlers {
  return {
    [DELIVER_JOB]: async (raw, context) => {
      const parsed = payload.safeParse(raw);
      if (!parsed.success) throw new PermanentJobError(`A ${DELIVER_JOB} job needs a notificationId.`);
      await deliverNotification(deps, parsed.data.notificationId, context.signal, options);
    },
  };
}
