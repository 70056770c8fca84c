import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { buildCalendar, type WorkCalendar } from './calendar.js';

/**
 * The mainland-China working-day calendar from the chinese-days package (State Council holiday
 * arrangements, versioned with the package in package-lock.json). Years outside `years` fall back
 * to Monday–Friday and deadlines there are flagged approximate.
 */
export const chinaCalendar: WorkCalendar = buildCalendar({
  holidays: data.holidays,
  workdays: data.workdays,
});
