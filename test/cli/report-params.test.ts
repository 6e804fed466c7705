import { describe, expect, it } from 'vitest';

import { buildReportParams, reportFilters } from '../../src/cli/commands/report.js';
import { parseWhere } from '../../src/cli/where.js';

const stats = {
  command: 'stats',
  method: 'getStats',
  model: 'StatReport',
  defaultFields: ['Stat.clicks'],
  exampleColumns: '--fields Stat.clicks',
} as const;

describe('reportFilters', () => {
  it('gives every condition a conditional', () => {
    const conditions = ['Stat.offer_id=1,2', 'Stat.payout>1.5', 'Stat.source is null'].map(
      parseWhere,
    );
    expect(reportFilters(conditions)).toEqual({
      'Stat.offer_id': { conditional: 'EQUAL_TO', values: ['1', '2'] },
      'Stat.payout': { conditional: 'GREATER_THAN', values: ['1.5'] },
      'Stat.source': { conditional: 'NULL' },
    });
  });

  it('turns booleans into EQUAL_TO', () => {
    expect(reportFilters([parseWhere('Stat.is_unique is true')])).toEqual({
      'Stat.is_unique': { conditional: 'EQUAL_TO', values: ['1'] },
    });
  });

  it('rejects a date condition', () => {
    expect(() => reportFilters([parseWhere('Stat.date>2024-01-01')])).toThrow(
      /use --from and --to/,
    );
  });
});

describe('buildReportParams', () => {
  it('adds the date range as a BETWEEN filter', () => {
    const params = buildReportParams(stats, {
      fields: ['Stat.clicks,Stat.offer_id'],
      groups: ['Stat.offer_id'],
      from: '2024-05-01',
      to: '2024-05-07',
      sort: ['-Stat.clicks'],
      totals: true,
    });
    expect(params).toEqual({
      fields: ['Stat.clicks', 'Stat.offer_id'],
      groups: ['Stat.offer_id'],
      filters: { 'Stat.date': { conditional: 'BETWEEN', values: ['2024-05-01', '2024-05-07'] } },
      sort: ['-Stat.clicks'],
      totals: true,
      data_start: '2024-05-01',
      data_end: '2024-05-07',
    });
  });

  it('rejects an unknown report field', () => {
    expect(() => buildReportParams(stats, { fields: ['Stat.clcks'] })).toThrow(
      "unknown report field 'Stat.clcks' in --fields for StatReport (closest: Stat.clicks",
    );
  });
});
