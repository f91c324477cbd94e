/**
 * Day arithmetic on YYYY-MM-DD strings, in UTC. Handoff dates are calendar days without a time zone,
 * so counting whole UTC days keeps every result independent of the machine's zone and of DST.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD date, else undefined. */
export function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return ms / DAY_MS;
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== undefined;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return dateOfDay(day + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined if either is not a date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** Milliseconds since the epoch at 00:00 UTC of a date. */
export function startOfDayMs(date: string): number | undefined {
  const day = dayNumber(date);
  return day === undefined ? undefined : day * DAY_MS;
}

/** Milliseconds since the epoch at the end of a date (00:00 UTC of the next day). */
export function endOfDayMs(date: string): number | undefined {
  const day = dayNumber(date);
  return day === undefined ? undefined : (day + 1) * DAY_MS;
}

/** Milliseconds since the epoch of an ISO date-time with a zone (2026-11-24T17:30:00Z, ...+01:00). */
export function dateTimeMs(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  if (dayNumber(value.slice(0, 10)) === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function hoursToMs(hours: number): number {
  return hours * HOUR_MS;
}

/** An instant written for people: 2026-11-26 00:00 UTC. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
