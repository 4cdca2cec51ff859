/** One SLA plan, edited. */
export function PlanPage() {
  return <section className="desk-plan" />;
}
