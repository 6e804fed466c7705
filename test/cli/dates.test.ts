import { describe, expect, it } from 'vitest';

import { daysOf, formatDay, formatDayDir, parseDay, resolveDayRange } from '../../src/cli/dates.js';

describe('parseDay', () => {
  it('accepts both day forms', () => {
    expect(formatDay(parseDay('--from', '2024-05-01'))).toBe('2024-05-01');
    expect(formatDay(parseDay('--from', '20240501'))).toBe('2024-05-01');
  });

  it.each(['2024-02-30', '2024-13-01', 'yesterday', '2024-5-1'])('rejects %s', (text) => {
    expect(() => parseDay('--from', text)).toThrow(`invalid --from '${text}'`);
  });
});

describe('resolveDayRange', () => {
  const today = new Date(Date.UTC(2024, 4, 10, 15, 30));

  it('defaults to the days before today', () => {
    const range = resolveDayRange(undefined, undefined, 7, today);
    expect(formatDay(range.from)).toBe('2024-05-04');
    expect(formatDay(range.to)).toBe('2024-05-10');
  });

  it('rejects a reversed range', () => {
    expect(() => resolveDayRange('2024-05-10', '2024-05-01', 7, today)).toThrow(
      'invalid date range: --from 2024-05-10 is after --to 2024-05-01',
    );
  });

  it('lists days across a month end', () => {
    const days = daysOf(resolveDayRange('2024-02-28', '2024-03-01', 1, today)).map(formatDayDir);
    expect(days).toEqual(['20240228', '20240229', '20240301']);
  });
});
