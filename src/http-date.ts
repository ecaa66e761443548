const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

// RFC 9110 section 5.6.7, all three forms: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`,
// RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`.
const DAY_FIRST = /^[A-Za-z]{3,9}, (\d\d)[ -]([A-Za-z]{3})[ -](\d\d|\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;

/**
 * Parses an HTTP-date in any of the three forms RFC 9110 allows, always as GMT:
 * `Date.parse` would read asctime (which carries no zone) in the machine's local time.
 * Returns epoch milliseconds, or `undefined` for anything else.
 */
export function parseHttpDate(value: string, nowMs: number = Date.now()): number | undefined {
  const text = value.trim();
  const dayFirst = DAY_FIRST.exec(text);
  const asctime = dayFirst === null ? ASCTIME.exec(text) : null;
  if (dayFirst === null && asctime === null) return undefined;
  const [day, month, year, hh, mm, ss] = (
    dayFirst !== null ? dayFirst.slice(1) : [asctime![2], asctime![1], asctime![6], asctime![3], asctime![4], asctime![5]]
  ) as [string, string, string, string, string, string];
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  let y = Number(year);
  if (year.length === 2) {
    // RFC 850's two-digit year: a date more than 50 years in the future is in the past century.
    const nowYear = new Date(nowMs).getUTCFullYear();
    y += Math.floor(nowYear / 100) * 100;
    if (y > nowYear + 50) y -= 100;
  }
  const d = Number(day);
  if (monthIndex % 3 !== 0 || d < 1 || d > 31 || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) return undefined;
  const ms = Date.UTC(y, monthIndex / 3, d, Number(hh), Number(mm), Number(ss));
  return Number.isFinite(ms) ? ms : undefined;
}
