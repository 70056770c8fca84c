/**
 * Chinese working days: weekends are rest days unless the State Council moved a working day onto
 * them (调休), and public holidays are rest days. The data comes from the chinese-days package and is
 * passed in, so the arithmetic stays pure and tests can use any calendar. Outside the years the
 * data covers, only weekends are known: results there are marked `approximate`.
 */
export interface HolidayData {
  /** ISO date → description, for every public-holiday rest day */
  holidays: Readonly<Record<string, string>>;
  /** ISO date → description, for weekend days that are working days (调休上班) */
  workdays: Readonly<Record<string, string>>;
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** the first and last year the holiday data covers */
  readonly years: { first: number; last: number };
  covers(date: string): boolean;
  /** see addWorkingDays below; integer day arithmetic, fast enough for thousands of filings */
  addWorkingDays(start: string, n: number): { date: string; approximate: boolean };
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (UTC) for an ISO date, and back: integer arithmetic in the hot loop. */
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function buildCalendar(data: HolidayData): WorkCalendar {
  const holidays = new Set(Object.keys(data.holidays).map(toDay));
  const workdays = new Set(Object.keys(data.workdays).map(toDay));
  const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) =>
    Number(d.slice(0, 4)),
  );
  const first = Math.min(...years);
  const last = Math.max(...years);
  const isWorking = (day: number) => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const dow = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    return dow !== 0 && dow !== 6;
  };
  return {
    years: { first, last },
    covers: (date) => {
      const y = Number(date.slice(0, 4));
      return y >= first && y <= last;
    },
    isWorkingDay: (date) => isWorking(toDay(date)),
    addWorkingDays: (start, n) => {
      let day = toDay(start);
      let left = n;
      while (left > 0) {
        day++;
        if (isWorking(day)) left--;
      }
      const date = fromDay(day);
      const y0 = Number(start.slice(0, 4));
      const y1 = Number(date.slice(0, 4));
      return { date, approximate: y0 < first || y1 > last };
    },
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date by which something "within N working days of <start>" must be done: the start day
 * itself does not count (the legal convention for 日内 periods), the N-th working day after it does.
 */
export function addWorkingDays(
  cal: WorkCalendar,
  start: string,
  n: number,
): { date: string; approximate: boolean } {
  if (!ISO.test(start) || Number.isNaN(Date.parse(start))) throw new RangeError(`not an ISO date: ${start}`);
  return cal.addWorkingDays(start, n);
}
