import type { Deps } from '../platform/deps.ts';
import type { Money } from '../platform/money.ts';
import { monthProblem } from './reports.model.ts';
import { reportOfClient } from './reports.service.ts';

/**
 * The service credit a client's monthly SLA report says the agency owes, for billing to turn into
 * a credit note. It is read off the report itself (reports.service.ts), so the credit billed is
 * always the one the client was shown; nothing of the uptime or credit maths is repeated here.
 */
export interface SlaCreditOwed {
  owed: true;
  clientId: string;
  month: string;
  /** In the plan's currency (its monthly fee's). */
  amount: Money;
  /** The report's overall uptime, four decimals rounded down, as printed. */
  uptimePercent: number;
  guaranteePercent: number;
  /** The report page in the web app. */
  reportUrl: string;
}

/** Why nothing can be credited for the month, in words a person reads in a 400. */
export interface NoSlaCredit {
  owed: false;
  reason: string;
}

type CreditDeps = Pick<Deps, 'database' | 'now' | 'config'>;

/** The report page, as the monthly report e-mail links it. */
export const reportPageUrl = (deps: Pick<Deps, 'config'>, clientId: string, month: string) =>
  `${deps.config.publicUrl.replace(/\/+$/, '')}/desk/reports/${encodeURIComponent(clientId)}/${month}`;

/**
 * The credit owed to a client for a month (`YYYY-MM`, in the plan's time zone). Only a month that
 * has ended owes anything: a running month's figures are still moving.
 */
export async function slaCreditOf(deps: CreditDeps, clientId: string, month: string): Promise<SlaCreditOwed | NoSlaCredit> {
  const problem = monthProblem(month, deps.now());
  if (problem) return { owed: false, reason: problem };
  const found = await reportOfClient(deps, clientId, month);
  if (!found) return { owed: false, reason: 'the client has no SLA plan, so no credit is owed' };
  const { report } = found;
  if (!report.complete) return { owed: false, reason: `${month} has not ended yet; a credit is owed only for a month that is over` };
  const guarantee = report.plan.guaranteePercent;
  if (report.credit === null || guarantee === null) return { owed: false, reason: 'the SLA plan has no uptime guarantee with a monthly fee, so no credit is owed' };
  const uptime = report.uptime.overallPercent;
  if (uptime === null) return { owed: false, reason: `nothing was monitored in ${month}, so no credit is owed` };
  if (report.credit.tier === null) return { owed: false, reason: `uptime in ${month} was ${uptime} % against ${guarantee} % guaranteed: no credit is owed` };
  if (report.credit.amount.amount <= 0) return { owed: false, reason: 'the credit tier reached comes to nothing of the monthly fee' };
  return { owed: true, clientId, month, amount: report.credit.amount, uptimePercent: uptime, guaranteePercent: guarantee, reportUrl: reportPageUrl(deps, clientId, month) };
}
