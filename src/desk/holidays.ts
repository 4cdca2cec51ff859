import Holidays from 'date-holidays';

/**
 * Public holidays from date-holidays' bundled rules (no network). Only the `public` type closes a
 * business calendar: bank, school, optional and observance days are worked. A holiday is a whole
 * local date: the few rules that start the evening before (some Islamic holidays) close the date
 * they are listed on. Substitute days ("Independence Day (observed)") are closed too.
 * Building a Holidays instance parses its country's rules, so instances are kept per
 * country/region and the dates per year: SLA clocks ask this for every day they walk through.
 */
const instances = new Map<string, Holidays>();
const datesByYear = new Map<string, ReadonlySet<string>>();
let catalogue: Holidays | null = null;

function holidaysOf(country: string, region: string | null): Holidays {
  const key = `${country}/${region ?? ''}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = region ? new Holidays(country, region, { types: ['public'] }) : new Holidays(country, { types: ['public'] });
    instances.set(key, instance);
  }
  return instance;
}

/** The local dates (`YYYY-MM-DD`) that are public holidays in `year`. */
export function publicHolidayDates(country: string, region: string | null, year: number): ReadonlySet<string> {
  const key = `${country}/${region ?? ''}/${year}`;
  let dates = datesByYear.get(key);
  if (!dates) {
    const list = holidaysOf(country, region).getHolidays(year);
    dates = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    datesByYear.set(key, dates);
  }
  return dates;
}

function known(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

/** True for a country date-holidays has rules for (`SE`, `US`; upper case as stored). */
export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(known().getCountries(), country);
}

/** True for a subdivision of `country` that date-holidays has rules for (`US`/`NY`, `DE`/`BY`). */
export function isKnownRegion(country: string, region: string): boolean {
  const states = known().getStates(country);
  return states !== undefined && Object.hasOwn(states, region);
}
