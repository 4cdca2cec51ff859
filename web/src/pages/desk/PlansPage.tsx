/** SLA plans and business calendars, for the people who manage the desk. */
export function PlansPage() {
  return <section className="desk-plans" />;
}
