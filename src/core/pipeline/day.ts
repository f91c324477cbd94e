import { dayNumber } from '../dates.js';

const days = new Map<string, number>();

/**
 * The day number of a date already known to be valid (timelines hold only checked dates), memoised:
 * a large repository asks for the same few hundred dates hundreds of thousands of times.
 */
export function day(date: string): number {
  let value = days.get(date);
  if (value === undefined) {
    value = dayNumber(date);
    if (value === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    days.set(date, value);
  }
  return value;
}
