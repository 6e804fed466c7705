import { describe, expect, it } from 'vitest';

import { parseKeyValues } from '../../src/cli/params.js';
import { parseNameList, parseSort } from '../../src/cli/sort.js';

describe('parseKeyValues', () => {
  it('nests dotted and bracket keys', () => {
    expect(
      parseKeyValues([
        'data.name=Test offer',
        'data.status=active',
        'filters[id][GREATER_THAN]=5',
        'fields[]=id',
        'fields[]=name',
        'sort[Offer.id]=desc',
        'id=7',
        'note=a=b',
      ]),
    ).toEqual({
      data: { name: 'Test offer', status: 'active' },
      filters: { id: { GREATER_THAN: '5' } },
      fields: ['id', 'name'],
      sort: { 'Offer.id': 'desc' },
      id: '7',
      note: 'a=b',
    });
  });

  it('keeps an empty value', () => {
    expect(parseKeyValues(['data.note='])).toEqual({ data: { note: '' } });
  });

  it.each([
    ['novalue', /expected key=value/],
    ['=x', /expected key=value/],
    ['bad key=1', /invalid parameter name/],
    ['a..b=1', /empty segment/],
  ])('rejects %s', (pair, message) => {
    expect(() => parseKeyValues([pair])).toThrow(message);
  });

  it('rejects a scalar and a nested key of one name', () => {
    expect(() => parseKeyValues(['data=1', 'data.name=x'])).toThrow(/conflicts with an earlier/);
  });

  it('rejects a repeated scalar key', () => {
    expect(() => parseKeyValues(['id=1', 'id=2'])).toThrow(/already given/);
  });
});

describe('parseSort', () => {
  it('splits and keeps direction markers', () => {
    expect(parseSort(['-id,name', 'modified'])).toEqual(['-id', 'name', 'modified']);
  });

  it('rejects a malformed key', () => {
    expect(() => parseSort(['--id'])).toThrow("invalid --sort '--id'");
  });
});

describe('parseNameList', () => {
  it('splits a comma list', () => {
    expect(parseNameList('--fields', ['id, name', 'status'])).toEqual(['id', 'name', 'status']);
  });

  it('rejects an empty name', () => {
    expect(() => parseNameList('--fields', ['id,,name'])).toThrow("invalid --fields ''");
  });
});
