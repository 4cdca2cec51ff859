import { appendAuditBatch, type AuditRecord } from '../platform/audit/store.ts';
import { change } from '../platform/deps.ts';
import { autoRenewVerified } from './sweep.model.ts';
import type { SweepRun } from './sweep.service.ts';
import * as store from './sweep.store.ts';

/**
 * Auto-renew verification, the sweep's second phase. An auto-renewing asset's expiry is moved on
 * by a domain or TLS check, or by a person; once it has, a failed auto-renewal for an older date
 * is resolved ("renewed after all"), and a still-open renewal task for an older date is closed as
 * renewed, by the system. Assets whose expiry moved a year on are out of the sweep's window, so
 * this phase starts from the open checks and tasks, not from the assets.
 */
export async function verifyAutoRenewals(run: SweepRun): Promise<void> {
  await resolveChecks(run);
  await closeTasks(run);
}

async function resolveChecks(run: SweepRun): Promise<void> {
  let after: store.FailedCheck | null = null;
  for (;;) {
    const checks = await store.checksOutrun(run.deps.database.db, after, run.pageSize);
    if (checks.length === 0) return;
    await change(run.deps, run.ctx, async (trx) => {
      const audits: AuditRecord[] = [];
      for (const check of checks) {
        await store.resolveCheck(trx, check, run.at);
        audits.push({ action: 'asset.auto-renew-verified', entityType: 'asset', entityId: check.assetId, before: { renewalOn: check.renewalOn, autoRenew: 'failed' }, after: { renewalOn: check.renewalOn, autoRenew: 'renewed', expiresOn: check.expiresOn } });
      }
      await appendAuditBatch(trx, run.deps.database.dialect, run.ctx, audits, run.now);
    });
    run.counts.autoRenewVerified += checks.length;
    after = checks[checks.length - 1]!;
  }
}

async function closeTasks(run: SweepRun): Promise<void> {
  let afterId: string | null = null;
  for (;;) {
    const tasks = await store.tasksOutrunByAutoRenewal(run.deps.database.db, afterId, run.pageSize);
    if (tasks.length === 0) return;
    await change(run.deps, run.ctx, async (trx) => {
      const audits: AuditRecord[] = [];
      for (const task of tasks) {
        const expiresOn = task.asset.expiresOn!;
        if (!autoRenewVerified(task.asset, task.renewalOn) || !(await store.closeTaskAsRenewed(trx, task, expiresOn, run.at))) continue;
        audits.push({
          action: 'task.completed',
          entityType: 'task',
          entityId: task.id,
          before: { state: task.state, outcome: null, renewedUntil: null },
          after: { state: 'done', outcome: 'renewed', renewedUntil: expiresOn, reason: 'auto-renew verified' },
        });
        run.counts.tasksClosed++;
      }
      await appendAuditBatch(trx, run.deps.database.dialect, run.ctx, audits, run.now);
    });
    afterId = tasks[tasks.length - 1]!.id;
  }
}
