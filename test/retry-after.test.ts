import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../src/index.js';
import { parseHttpDate } from '../src/http/http-date.js';
import { MAX_TIMER_MS } from '../src/http/retry-after.js';

const NOW = Date.UTC(1994, 10, 6, 8, 49, 0); // Sun, 06 Nov 1994 08:49:00 GMT
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter({ 'retry-after': '0' }, NOW)).toBe(0);
    expect(parseRetryAfter({ 'retry-after': ' 120 ' }, NOW)).toBe(120_000);
    expect(parseRetryAfter({ 'retry-after': '1.5' }, NOW)).toBe(1500);
  });

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
  ])('reads an HTTP-date in %s form as GMT, whatever the time zone', (_, value) => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(parseRetryAfter({ 'retry-after': value }, NOW)).toBe(37_000);
    }
  });

  it('reads retry-after-ms first', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '10' }, NOW)).toBe(250);
    expect(parseRetryAfter({ 'retry-after-ms': 'soon', 'retry-after': '10' }, NOW)).toBe(10_000);
  });

  it('never returns a negative, NaN or unholdable delay', () => {
    expect(parseRetryAfter({ 'retry-after': 'Sun, 06 Nov 1994 08:00:00 GMT' }, NOW)).toBe(0);
    expect(parseRetryAfter({ 'retry-after': '99999999999' }, NOW)).toBe(MAX_TIMER_MS);
    expect(parseRetryAfter({ 'retry-after': '1e400' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '9'.repeat(400) }, NOW)).toBe(MAX_TIMER_MS);
    expect(parseRetryAfter({ 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }, NOW)).toBe(MAX_TIMER_MS);
    for (const junk of ['', '-1', 'soon', 'NaN', 'Infinity', '0x10', 'Sun, 32 Nov 1994 08:49:37 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT']) {
      expect(parseRetryAfter({ 'retry-after': junk }, NOW)).toBeUndefined();
    }
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it('puts RFC 850 two-digit years in the right century', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(new Date(parseHttpDate('Thursday, 01-Jan-26 00:00:10 GMT', now)!).getUTCFullYear()).toBe(2026);
    expect(new Date(parseHttpDate('Friday, 01-Jan-99 00:00:00 GMT', now)!).getUTCFullYear()).toBe(1999);
  });

  it('several values, as repeated headers arrive joined by ", ", mean the longest wait', () => {
    expect(parseRetryAfter({ 'retry-after': '2, 3' }, NOW)).toBe(3000);
    expect(parseRetryAfter(new Headers([['retry-after', '3'], ['retry-after', '2']]), NOW)).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': ['1', '5'] } as never, NOW)).toBe(5000);
    expect(parseRetryAfter({ 'retry-after-ms': '100, 250, 40' }, NOW)).toBe(250);
    // Dates hold a comma after the weekday; joined dates still read whole.
    const in10 = new Date(NOW + 10_000).toUTCString();
    const in20 = new Date(NOW + 20_000).toUTCString();
    expect(parseRetryAfter({ 'retry-after': `${in20}, ${in10}` }, NOW)).toBe(20_000);
    expect(parseRetryAfter({ 'retry-after': `${in10}, 30` }, NOW)).toBe(30_000);
    expect(parseRetryAfter({ 'retry-after': 'soon, 4' }, NOW)).toBe(4000);
    expect(parseRetryAfter({ 'retry-after': ', ,' }, NOW)).toBeUndefined();
  });
});
