const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

// RFC 9110 section 5.6.7, all three forms: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`,
// RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`.
// asctime is rewritten day-first, so one pattern reads all three.
const DAY_FIRST = /^[A-Za-z]{3,9}, ([ \d]\d)[ -]([A-Za-z]{3})[ -](\d\d|\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d\d:\d\d:\d\d) (\d{4})$/;

/**
 * Parses an HTTP-date in any of the three forms RFC 9110 allows, always as GMT:
 * `Date.parse` would read asctime (which carries no zone) in the machine's local time.
 * Returns epoch milliseconds, or `undefined` for anything else.
 */
export function parseHttpDate(value: string, nowMs: number = Date.now()): number | undefined {
  const parts = DAY_FIRST.exec(value.trim().replace(ASCTIME, 'Day, $2 $1 $4 $3 GMT'));
  if (parts === null) return undefined;
  const [day, month, year, hh, mm, ss] = parts.slice(1).map((part, i) => (i === 1 ? MONTHS.indexOf(part.toLowerCase()) : +part)) as [
    number, number, number, number, number, number,
  ];
  let y = year;
  if (parts[3]!.length === 2) {
    // RFC 850's two-digit year: a date more than 50 years in the future is in the past century.
    const nowYear = new Date(nowMs).getUTCFullYear();
    y += nowYear - (nowYear % 100);
    if (y > nowYear + 50) y -= 100;
  }
  if (month % 3 !== 0 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60) return undefined;
  return Date.UTC(y, month / 3, day, hh, mm, ss);
}
