import { describe, expect, it } from 'vitest';

import { CliUsageError } from '../../src/cli/cli-error.js';
import { buildFilters, filtersFromFlags, parseWhere } from '../../src/cli/where.js';

describe('parseWhere', () => {
  it.each([
    ['status=active', { field: 'status', operator: 'EQUAL_TO', values: ['active'] }],
    [
      'status=active,paused',
      { field: 'status', operator: 'EQUAL_TO', values: ['active', 'paused'] },
    ],
    ['name=a\\,b', { field: 'name', operator: 'EQUAL_TO', values: ['a,b'] }],
    ['status!=deleted', { field: 'status', operator: 'NOT_EQUAL_TO', values: ['deleted'] }],
    ['id>5', { field: 'id', operator: 'GREATER_THAN', values: ['5'] }],
    ['id>=5', { field: 'id', operator: 'GREATER_THAN_OR_EQUAL_TO', values: ['5'] }],
    ['id<5', { field: 'id', operator: 'LESS_THAN', values: ['5'] }],
    ['id<=5', { field: 'id', operator: 'LESS_THAN_OR_EQUAL_TO', values: ['5'] }],
    ['name~%foo%', { field: 'name', operator: 'LIKE', values: ['%foo%'] }],
    ['name!~%foo%', { field: 'name', operator: 'NOT_LIKE', values: ['%foo%'] }],
    ['note=a=b', { field: 'note', operator: 'EQUAL_TO', values: ['a=b'] }],
    ['note=\\=b', { field: 'note', operator: 'EQUAL_TO', values: ['=b'] }],
    ['id>\\>5', { field: 'id', operator: 'GREATER_THAN', values: ['>5'] }],
    [
      'Stat.date >= 2024-01-01',
      { field: 'Stat.date', operator: 'GREATER_THAN_OR_EQUAL_TO', values: ['2024-01-01'] },
    ],
    ['expiration_date is null', { field: 'expiration_date', operator: 'NULL', values: [] }],
    ['expiration_date IS NOT NULL', { field: 'expiration_date', operator: 'NOT_NULL', values: [] }],
    ['is_private is true', { field: 'is_private', operator: 'TRUE', values: [] }],
    ['is_private is false', { field: 'is_private', operator: 'FALSE', values: [] }],
  ])('parses %s', (expression, expected) => {
    expect(parseWhere(expression)).toEqual(expected);
  });

  it.each(['id>>5', 'id=>5', 'name==x', 'id<>5', 'name=!x'])(
    'rejects the mistyped operator %j',
    (expression) => {
      expect(() => parseWhere(expression)).toThrow(CliUsageError);
      expect(() => parseWhere(expression)).toThrow(`invalid --where '${expression}'`);
      expect(() => parseWhere(expression)).toThrow('starts with an operator character');
    },
  );

  it.each(['status', '=active', 'id>', '5>id', 'na me=x', 'id>=', ''])(
    'rejects %j with the accepted forms',
    (expression) => {
      expect(() => parseWhere(expression)).toThrow(CliUsageError);
      expect(() => parseWhere(expression)).toThrow(`invalid --where '${expression}'`);
      expect(() => parseWhere(expression)).toThrow('expected field=value, field=a,b');
    },
  );
});

describe('buildFilters', () => {
  it('builds AND conditions in wire shape', () => {
    const filters = buildFilters(
      ['status=active', 'id>5', 'id<10', 'name is null'].map(parseWhere),
    );
    expect(filters).toEqual({
      status: 'active',
      id: { GREATER_THAN: '5', LESS_THAN: '10' },
      name: { NULL: '1' },
    });
  });

  it('wraps conditions in OR when asked', () => {
    const filters = buildFilters(['status=active', 'currency=USD'].map(parseWhere), true);
    expect(filters).toEqual({ OR: { status: 'active', currency: 'USD' } });
  });

  it('merges repeated equality into a list', () => {
    const filters = buildFilters(['status=active', 'status=paused,active'].map(parseWhere));
    expect(filters).toEqual({ status: ['active', 'paused'] });
  });

  it('rejects equality mixed with an operator', () => {
    expect(() => buildFilters(['id=1', 'id>5'].map(parseWhere))).toThrow(/mixes an equality/);
  });

  it('rejects the same operator twice', () => {
    expect(() => buildFilters(['id>1', 'id>5'].map(parseWhere))).toThrow(/two GREATER_THAN/);
  });
});

describe('filtersFromFlags', () => {
  it('returns undefined without flags', () => {
    expect(filtersFromFlags(undefined)).toBeUndefined();
  });

  it('rejects --or with one condition', () => {
    expect(() => filtersFromFlags(['id=1'], true)).toThrow(/--or needs at least two/);
  });
});
