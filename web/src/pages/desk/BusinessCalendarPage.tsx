/** One business calendar, edited, with a preview of its working time. */
export function BusinessCalendarPage() {
  return <section className="desk-calendar" />;
}
