/** One client's monthly SLA report, with its PDF and CSV. */
export function ReportPage() {
  return <section className="desk-report" />;
}
