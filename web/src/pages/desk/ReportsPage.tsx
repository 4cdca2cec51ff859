/** Monthly SLA reports: the agency's overview of a month, a client's months. */
export function ReportsPage() {
  return <section className="desk-reports" />;
}
