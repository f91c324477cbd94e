import { addDays, isDate } from '../dates.js';

export interface DueTime {
  hours: number;
  /** The interview date when it is known. */
  interviewDate: string | null;
  /** The date the scorecard is due, when the interview date is known. */
  dueDate: string | null;
  /** True when the due time falls at the same time of day as the interview (a whole number of days). */
  sameTimeOfDay: boolean;
}

/** When a scorecard is due: the interview date plus feedback_due_hours, where the date is known. */
export function dueTime(hours: number, interviewDate: string | undefined): DueTime {
  if (!interviewDate || !isDate(interviewDate))
    return { hours, interviewDate: null, dueDate: null, sameTimeOfDay: hours % 24 === 0 };
  return {
    hours,
    interviewDate,
    dueDate: addDays(interviewDate, Math.ceil(hours / 24)),
    sameTimeOfDay: hours % 24 === 0,
  };
}
