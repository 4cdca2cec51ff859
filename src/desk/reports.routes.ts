import { z } from 'zod';
import type { Deps } from '../platform/deps.ts';
import { problems, streamed } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { reportFileName } from './reports.csv.ts';
import * as schemas from './reports.schemas.ts';
import * as service from './reports.service.ts';

const tags = ['desk'];
const read = { access: 'desk:read' } as const;
const readProblems = problems(400, 401, 403, 404);

const attachment = (description: string) => ({ 'content-disposition': { type: 'string' as const, description } });
const pdfFile = streamed('The report as a PDF to download', { 'application/pdf': z.string().describe('A PDF document') }, attachment('attachment; filename="sla-report-<client>-YYYY-MM.pdf"'));
const csvFile = streamed(
  'The report as CSV to download',
  { 'text/csv': z.string().describe('UTF-8 CSV, one section per part: summary (field, value), sites, tickets by severity, incidents; a blank row between sections') },
  attachment('attachment; filename="sla-report-<client>-YYYY-MM.csv"'),
);

/** Monthly SLA reports: per client and month as JSON, PDF and CSV, and the agency's overview of a month. */
export function reportRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/sla-reports',
    {
      config: read,
      schema: { tags, summary: "A month's SLA figures of every client with a plan, by client name; a client's portal user sees its own", querystring: schemas.overviewQuery, response: { 200: schemas.overviewView, ...problems(400, 401, 403) } },
    },
    async (req) => service.monthOverview(deps, req.actor, req.query.month),
  );

  app.get(
    '/api/v1/clients/:id/sla-reports',
    { config: read, schema: { tags, summary: 'The months a client has SLA reports for, newest first (at most 24)', params: schemas.clientParams, response: { 200: schemas.reportMonthsView, ...readProblems } } },
    async (req) => service.reportMonthsOf(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/clients/:id/sla-reports/:month',
    { config: read, schema: { tags, summary: "A client's monthly SLA report: uptime per site against the guarantee, credit, tickets against targets, incidents", params: schemas.reportParams, response: { 200: schemas.monthlyReportView, ...readProblems } } },
    async (req) => service.monthlyReport(deps, req.actor, req.params.id, req.params.month),
  );

  app.get(
    '/api/v1/clients/:id/sla-reports/:month/report.pdf',
    { config: read, schema: { tags, summary: "A client's monthly SLA report as PDF", params: schemas.reportParams, response: { 200: pdfFile, ...readProblems } } },
    async (req, reply) => {
      const { report, pdf } = await service.monthlyReportPdf(deps, req.actor, req.params.id, req.params.month);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reportFileName(report, 'pdf')}"`).send(pdf);
    },
  );

  app.get(
    '/api/v1/clients/:id/sla-reports/:month/report.csv',
    { config: read, schema: { tags, summary: "A client's monthly SLA report as CSV", params: schemas.reportParams, response: { 200: csvFile, ...readProblems } } },
    async (req, reply) => {
      const { report, csv } = await service.monthlyReportCsv(deps, req.actor, req.params.id, req.params.month);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${reportFileName(report, 'csv')}"`).send(csv);
    },
  );
}
