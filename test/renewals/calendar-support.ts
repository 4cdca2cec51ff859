import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { startTestApp, type TestApp } from '../support/app.ts';

/** The real app, logging everything at debug level into `logs`, so a test can prove a feed's token never reaches a log line. */
export async function startLoggedApp(): Promise<TestApp & { logs: string[] }> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const t = await startTestApp({ UPKEEP_PUBLIC_URL: 'https://upkeep.example' }, { logTo: sink });
  return Object.assign(t, { logs });
}

export interface FeedEvent {
  uid: string;
  date: string;
  isDate: boolean;
  summary: string;
  description: string;
}

/** The events of an iCalendar text, read by ical.js as a calendar app would. */
export function eventsOf(text: string): { name: string; timeZone: string; events: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      date: start.toString(),
      isDate: start.isDate,
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), timeZone: String(calendar.getFirstPropertyValue('x-wr-timezone')), events };
}
