import { afterEach, describe, expect, it } from 'vitest';

import { okBody, scriptClient, startScriptServer } from '../core/script-server.js';
import type { ScriptServer } from '../core/script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('reports', () => {
  it('getStats sends report parameters and reads rows and totals', async () => {
    const data =
      '{"page":1,"current":0,"count":2,"pageCount":1,"data":[{"Stat":{"clicks":"5","offer_id":"9"}},{"Stat":{"clicks":"3","offer_id":"2"}}],"totals":{"Stat":{"clicks":"8"}}}';
    server = await startScriptServer(() => ({ body: okBody(data) }));
    const report = await scriptClient(server).reports.getStats({
      fields: ['Stat.clicks', 'Stat.offer_id'],
      groups: ['Stat.offer_id'],
      filters: { 'Stat.date': { conditional: 'BETWEEN', values: ['2016-01-01', '2016-01-31'] } },
      sort: { 'Stat.clicks': 'desc' },
      totals: true,
      limit: 10,
      data_start: '2016-01-01',
    });
    expect(report.rows).toEqual([
      { Stat: { clicks: '5', offer_id: '9' } },
      { Stat: { clicks: '3', offer_id: '2' } },
    ]);
    expect(report.totals).toEqual({ Stat: { clicks: '8' } });
    expect(report).toMatchObject({ page: 1, pageCount: 1, count: 2 });
    const query = server.seen[0]!.query;
    expect(query.get('Target')).toEqual(['Report']);
    expect(query.get('fields[]')).toEqual(['Stat.clicks', 'Stat.offer_id']);
    expect(query.get('groups[]')).toEqual(['Stat.offer_id']);
    expect(query.get('filters[Stat.date][conditional]')).toEqual(['BETWEEN']);
    expect(query.get('filters[Stat.date][values][]')).toEqual(['2016-01-01', '2016-01-31']);
    expect(query.get('sort[Stat.clicks]')).toEqual(['desc']);
    expect(query.get('totals')).toEqual(['1']);
  });
});
