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
}

export function buildCalendar(data: HolidayData): WorkCalendar {
  const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) =>
    Number(d.slice(0, 4)),
  );
  const first = Math.min(...years);
  const last = Math.max(...years);
  return {
    years: { first, last },
    covers: (date) => {
      const y = Number(date.slice(0, 4));
      return y >= first && y <= last;
    },
    isWorkingDay: (date) => {
      if (date in data.workdays) return true;
      if (date in data.holidays) return false;
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
      return dow !== 0 && dow !== 6;
    },
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The date by which something "within N working days of <start>" must be done: the start day
 * itself does not count (the legal convention for 日内 periods), the N-th working day after it does.
 */
export function addWorkingDays(
  cal: WorkCalendar,
  start: string,
  n: number,
): { date: string; approximate: boolean } {
  if (!ISO.test(start)) throw new RangeError(`not an ISO date: ${start}`);
  let date = start;
  let approximate = !cal.covers(start);
  let left = n;
  while (left > 0) {
    date = nextDay(date);
    if (!cal.covers(date)) approximate = true;
    if (cal.isWorkingDay(date)) left--;
  }
  return { date, approximate };
}
