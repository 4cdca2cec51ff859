/**
 * `list` as given, checked to hold every member of the server's type `T` and nothing else: the
 * web app keeps its own copies of lists whose server modules load libraries it should not bundle
 * (luxon, zod, date-holidays), and the compiler keeps the copies true.
 */
export const everyOf = <T extends string>() => <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L => list;
