import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/core/errors.js';
import { encodeFields, flattenParams } from '../../src/core/encode.js';
import {
  buildFilterParam,
  buildSortParam,
  FILTER_OPERATORS,
  or,
  where,
} from '../../src/filters.js';
import type { Filters } from '../../src/filters.js';
import { buildReportFilterParam } from '../../src/resources/report-filters.js';

function wire(filters: Filters): string[] {
  return flattenParams({ filters: buildFilterParam(filters) }).map(
    ([key, value]) => `${key}=${value}`,
  );
}

describe('regular filters', () => {
  it('equality and lists', () => {
    expect(wire({ status: 'active', id: [1, 2] })).toEqual([
      'filters[status]=active',
      'filters[id][]=1',
      'filters[id][]=2',
    ]);
  });

  it('every operator from the builder', () => {
    const cases: [Filters, string][] = [
      [where('id').ne(1), 'filters[id][NOT_EQUAL_TO]=1'],
      [where('id').lt(1), 'filters[id][LESS_THAN]=1'],
      [where('id').lte(1), 'filters[id][LESS_THAN_OR_EQUAL_TO]=1'],
      [where('id').gt(1), 'filters[id][GREATER_THAN]=1'],
      [where('id').gte(1), 'filters[id][GREATER_THAN_OR_EQUAL_TO]=1'],
      [where('name').like('%a%'), 'filters[name][LIKE]=%a%'],
      [where('name').notLike('b%'), 'filters[name][NOT_LIKE]=b%'],
      [where('ref_id').isNull(), 'filters[ref_id][NULL]=1'],
      [where('ref_id').notNull(), 'filters[ref_id][NOT_NULL]=1'],
      [where('is_private').isTrue(), 'filters[is_private][TRUE]=1'],
      [where('is_private').isFalse(), 'filters[is_private][FALSE]=1'],
      [where('status').eq('active'), 'filters[status]=active'],
    ];
    for (const [filters, expected] of cases) expect(wire(filters)).toEqual([expected]);
    expect(FILTER_OPERATORS).toHaveLength(11);
  });

  it('operators in plain objects combine on one field', () => {
    expect(wire({ id: { GREATER_THAN: 5, LESS_THAN: 10 } })).toEqual([
      'filters[id][GREATER_THAN]=5',
      'filters[id][LESS_THAN]=10',
    ]);
  });

  it('OR groups carry operators and lists', () => {
    expect(wire([{ currency: 'USD' }, or(where('id').gt(5), { status: ['a', 'b'] })])).toEqual([
      'filters[currency]=USD',
      'filters[OR][id][GREATER_THAN]=5',
      'filters[OR][status][]=a',
      'filters[OR][status][]=b',
    ]);
    expect(wire({ OR: { status: 'active', id: { LESS_THAN: 3 } } })).toEqual([
      'filters[OR][status]=active',
      'filters[OR][id][LESS_THAN]=3',
    ]);
  });

  it('percent-encodes brackets on the wire', () => {
    expect(encodeFields(flattenParams({ filters: buildFilterParam(or(where('id').gt(5))) }))).toBe(
      'filters%5BOR%5D%5Bid%5D%5BGREATER_THAN%5D=5',
    );
  });

  it('invalid filters raise UsageError', () => {
    expect(() => buildFilterParam({ id: { greater_than: 5 } as never })).toThrow(
      /unknown operator "greater_than". Did you mean GREATER_THAN\?/,
    );
    expect(() => buildFilterParam({ 'id]': 1 })).toThrow(UsageError);
    expect(() => where('a b')).toThrow(/Field name "a b" is invalid/);
    expect(() => buildFilterParam(or(or(where('id').gt(1)) as never))).toThrow(/one level/);
    expect(() => buildFilterParam({ id: null as never })).toThrow(/isNull/);
    expect(() => buildFilterParam([{ id: 1 }, where('id').gt(3)])).toThrow(/mixes an equality/);
  });
});

describe('filters that would change meaning', () => {
  it('two OR groups are rejected, not merged', () => {
    const first = or(where('a').eq(1), where('b').eq(2));
    const second = or(where('c').eq(3), where('d').eq(4));
    expect(() => buildFilterParam([first, second])).toThrow(/one OR group/);
    expect(() => buildFilterParam([{ OR: { a: 1 } }, second])).toThrow(/one OR group/);
  });

  it('OR folds equalities on one field into a list', () => {
    expect(wire(or(where('id').eq(1), where('id').eq(2)))).toEqual([
      'filters[OR][id][]=1',
      'filters[OR][id][]=2',
    ]);
    expect(wire({ OR: [{ id: 1 }, { id: 3 }] })).toEqual([
      'filters[OR][id][]=1',
      'filters[OR][id][]=3',
    ]);
    expect(wire(or(where('id').in([1, 2]), where('id').eq(5), { status: 'a' }))).toEqual([
      'filters[OR][id][]=1',
      'filters[OR][id][]=2',
      'filters[OR][id][]=5',
      'filters[OR][status]=a',
    ]);
  });

  it('OR keeps two operators on one field', () => {
    expect(wire(or(where('id').lt(3), where('id').gt(28)))).toEqual([
      'filters[OR][id][LESS_THAN]=3',
      'filters[OR][id][GREATER_THAN]=28',
    ]);
  });

  it('same operator twice in a group is rejected', () => {
    const orGroup = (): unknown => buildFilterParam(or(where('id').gt(3), where('id').gt(5)));
    expect(orGroup).toThrow(UsageError);
    expect(orGroup).toThrow(/Filter id uses GREATER_THAN twice in one OR group/);
    expect(orGroup).toThrow(/keeps only the last value/);
    const andGroup = (): unknown => buildFilterParam([where('id').lt(9), where('id').lt(5)]);
    expect(andGroup).toThrow(/Filter id uses LESS_THAN twice/);
  });

  it('OR rejects an equality mixed with operators', () => {
    const mixed = (): unknown => buildFilterParam(or(where('id').eq(1), where('id').gt(28)));
    expect(mixed).toThrow(UsageError);
    expect(mixed).toThrow(/Filter id mixes an equality or list with GREATER_THAN in one OR group/);
    expect(mixed).toThrow(/Write the equality as operators/);
    const reversed = (): unknown => buildFilterParam({ OR: [where('id').lt(3), { id: [7, 8] }] });
    expect(reversed).toThrow(/Filter id mixes an equality or list with LESS_THAN/);
  });

  it('OR accepts a list of conditions', () => {
    expect(wire({ OR: [{ status: 'active' }, where('id').gt(5)] as never })).toEqual([
      'filters[OR][status]=active',
      'filters[OR][id][GREATER_THAN]=5',
    ]);
  });

  it('operators without a value are rejected', () => {
    expect(() => buildFilterParam({ id: {} })).toThrow(/Filter id has no operator/);
    expect(() => buildFilterParam({ id: { GREATER_THAN: undefined } as never })).toThrow(
      /Filter id GREATER_THAN has no value/,
    );
    expect(() => buildFilterParam({ id: { LESS_THAN: null } as never })).toThrow(
      /Filter id LESS_THAN has no value/,
    );
    expect(() => buildFilterParam({ id: [1, null] as never })).toThrow(/Filter id list/);
    expect(() => buildFilterParam({ id: [{ a: 1 }] })).toThrow(
      /Filter id has an object in its list/,
    );
    expect(wire({ id: { NULL: true } })).toEqual(['filters[id][NULL]=1']);
    expect(() => buildFilterParam({ id: { NULL: false } })).toThrow(/Use the opposite operator/);
  });
});

describe('sort', () => {
  it('prefixes bare fields and keeps order', () => {
    expect(buildSortParam(['-id', 'name', 'Stat.date'], 'Offer')).toEqual({
      'Offer.id': 'desc',
      'Offer.name': 'asc',
      'Stat.date': 'asc',
    });
    expect(buildSortParam({ id: 'desc' }, 'Offer')).toEqual({ 'Offer.id': 'desc' });
    expect(buildSortParam('name', 'Goal')).toEqual({ 'Goal.name': 'asc' });
    expect(() => buildSortParam({ id: 'down' as never }, 'Offer')).toThrow(/Use 'asc' or 'desc'/);
  });
});

describe('report filters', () => {
  it('encodes conditionals and values', () => {
    const param = buildReportFilterParam({
      'Stat.status': ['approved', 'pending'],
      'Stat.date': { conditional: 'BETWEEN', values: ['2016-01-01', '2016-01-31'] },
      'Stat.ip': { conditional: 'NULL' },
    });
    expect(flattenParams({ filters: param }).map(([key, value]) => `${key}=${value}`)).toEqual([
      'filters[Stat.status][conditional]=EQUAL_TO',
      'filters[Stat.status][values][]=approved',
      'filters[Stat.status][values][]=pending',
      'filters[Stat.date][conditional]=BETWEEN',
      'filters[Stat.date][values][]=2016-01-01',
      'filters[Stat.date][values][]=2016-01-31',
      'filters[Stat.ip][conditional]=NULL',
    ]);
  });

  it('checks value counts and names', () => {
    expect(() =>
      buildReportFilterParam({ 'Stat.date': { conditional: 'BETWEEN', values: ['a'] } }),
    ).toThrow(/needs 2 values, got 1/);
    expect(() =>
      buildReportFilterParam({ 'Stat.ip': { conditional: 'NULL', values: 'x' } }),
    ).toThrow(/needs 0 values/);
    expect(() =>
      buildReportFilterParam({ 'Stat.x': { conditional: 'IN' as never, values: 'x' } }),
    ).toThrow(/unknown conditional "IN"/);
  });
});
