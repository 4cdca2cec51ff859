import { accountJobs, schedulePurge } from './accounts/jobs.ts';
import { monitoringJobs, scheduleMonitoringJobs } from './monitoring/jobs.ts';
import { deliveryJobs } from './notifications/delivery.jobs.ts';
import { dispatchJobs, scheduleNotificationPolicyJobs } from './notifications/dispatch.jobs.ts';
import { deskJobs, scheduleDeskJobs } from './desk/jobs.ts';
import { incidentJobs } from './desk/incidents.jobs.ts';
import type { Deps } from './platform/deps.ts';
import { renewalJobs, scheduleRenewalJobs } from './renewals/jobs.ts';
import { scheduleWasteAudit, wasteJobs } from './renewals/waste.jobs.ts';
import type { JobHandlers } from './platform/jobs/model.ts';
import { jobRetentionJobs, scheduleJobRetention } from './platform/jobs/retention.ts';
import { billingJobs, scheduleBillingJobs } from './billing/jobs.ts';

/** Every job the workers know, by name: each capability adds its handlers here. */
export function jobHandlers(deps: Deps): JobHandlers {
  return { ...accountJobs(deps), ...deliveryJobs(deps), ...dispatchJobs(deps), ...monitoringJobs(deps), ...renewalJobs(deps), ...wasteJobs(deps), ...deskJobs(deps), ...incidentJobs(deps), ...billingJobs(deps), ...jobRetentionJobs(deps) };
}

/** Book the recurring jobs; safe to call on every start (each is keyed by its day). */
export async function scheduleRecurringJobs(deps: Deps): Promise<void> {
  await schedulePurge(deps, deps.now());
  await scheduleNotificationPolicyJobs(deps);
  await scheduleMonitoringJobs(deps);
  await scheduleRenewalJobs(deps);
  await scheduleWasteAudit(deps);
  await scheduleDeskJobs(deps);
  await scheduleBillingJobs(deps);
  await scheduleJobRetention(deps);
}
