import type { DueItem } from './deadlines.js';

/** iCalendar text escaping (RFC 5545 §3.3.11). */
const esc = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (RFC 5545 §3.1); Chinese text is 3 octets a character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > 74) {
      out.push(cur);
      cur = ' ';
      bytes = 1;
    }
    cur += ch;
    bytes += b;
  }
  out.push(cur);
  return out.join('\r\n');
}

/**
 * An all-day event per deadline, stable UIDs so re-importing updates instead of duplicating. A
 * deadline past the holiday data is computed from weekends only: every such event says so in its
 * title and description (`approximate`, in the caller's language) and carries X-BEIAN-APPROXIMATE.
 */
export function deadlinesToIcs(
  due: readonly DueItem[],
  opts: {
    stamp: string;
    title: (d: DueItem) => string;
    description: (d: DueItem) => string;
    /** e.g. "（节假日数据未覆盖该年份，仅按周末估算）" */
    approximate: string;
  },
): string {
  const stamp = opts.stamp.replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//beian//deadlines//ZH', 'CALSCALE:GREGORIAN'];
  for (const d of due) {
    const day = d.dueDate.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${esc(`${d.filing}:${d.event}:${d.from}`)}@beian`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `SUMMARY:${esc(d.approximate ? `≈ ${opts.title(d)}` : opts.title(d))}`,
      `DESCRIPTION:${esc(d.approximate ? `${opts.description(d)} ${opts.approximate}` : opts.description(d))}`,
      ...(d.approximate ? ['X-BEIAN-APPROXIMATE:TRUE'] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
