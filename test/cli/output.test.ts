import { describe, expect, it } from 'vitest';

import { csvField, csvLine } from '../../src/cli/output/csv.js';
import { flattenRecord } from '../../src/cli/output/flatten.js';
import { chooseFormat, createRecordSink, writeOne } from '../../src/cli/output/format.js';
import { formatTable } from '../../src/cli/output/table.js';

function buffer(): { text: string; write(chunk: string): void } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('formatTable', () => {
  it('aligns columns and right-aligns numbers', () => {
    const table = formatTable([
      { id: '7', name: 'Short', payout: '1.50' },
      { id: '12345', name: 'A much longer name', payout: '10.00' },
    ]);
    expect(table.split('\n')).toEqual([
      '   ID  NAME                PAYOUT',
      '    7  Short                 1.50',
      '12345  A much longer name   10.00',
      '',
    ]);
  });

  it('cuts long cells and flattens line breaks', () => {
    const table = formatTable([{ note: 'line one\nline two ' + 'x'.repeat(20) }], {
      maxCellWidth: 12,
    });
    expect(table).toBe('NOTE\nline one li…\n');
  });

  it('returns nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['', ''],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins a line', () => {
    expect(csvLine(['1', 'a,b', ''])).toBe('1,"a,b",\n');
  });
});

describe('flattenRecord', () => {
  it('uses dotted names for contained models', () => {
    expect(
      flattenRecord({
        id: '1',
        Country: { US: { name: 'United States' } },
        tags: ['a', 'b'],
        x: null,
      }),
    ).toEqual({ id: '1', 'Country.US.name': 'United States', tags: 'a,b', x: '' });
  });
});

describe('createRecordSink', () => {
  const records = [
    { id: '1', name: 'One' },
    { id: '2', name: 'Two, "quoted"' },
  ];

  it('writes ndjson lines', () => {
    const out = buffer();
    const sink = createRecordSink('ndjson', out);
    records.forEach((record) => sink.write(record));
    sink.end();
    expect(
      out.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(records);
  });

  it('writes a parseable json array', () => {
    const out = buffer();
    const sink = createRecordSink('json', out);
    records.forEach((record) => sink.write(record));
    sink.end();
    expect(JSON.parse(out.text)).toEqual(records);
  });

  it('writes an empty json array', () => {
    const out = buffer();
    createRecordSink('json', out).end();
    expect(JSON.parse(out.text)).toEqual([]);
  });

  it('writes csv with a header', () => {
    const out = buffer();
    const sink = createRecordSink('csv', out);
    records.forEach((record) => sink.write(record));
    sink.end();
    expect(out.text).toBe('id,name\n1,One\n2,"Two, ""quoted"""\n');
    expect(sink.count).toBe(2);
  });

  it('picks table columns with a function', () => {
    const out = buffer();
    const sink = createRecordSink('table', out, (seen) => [
      'id',
      ...seen.filter((c) => c.startsWith('Country.')),
    ]);
    sink.write({ id: '1', name: 'One', Country: { code: 'US' } });
    sink.end();
    expect(out.text).toBe('ID  COUNTRY.CODE\n 1  US\n');
  });

  it('uses toJSON of models', () => {
    const out = buffer();
    const sink = createRecordSink('ndjson', out);
    sink.write({ toJSON: () => ({ id: '9' }) });
    sink.end();
    expect(out.text).toBe('{"id":"9"}\n');
  });
});

describe('contained models in csv', () => {
  const one = { id: '1', country: { code: 'US' } };
  const three = { id: '2', country: [{ code: 'GB' }, { code: 'DE' }, { code: 'FR' }] };

  it('flattens a list of one like one model', () => {
    expect(flattenRecord({ country: [{ code: 'US' }] })).toEqual({ 'country.code': 'US' });
  });

  it('takes the header from every row', () => {
    const out = buffer();
    const sink = createRecordSink('csv', out);
    sink.write(one);
    sink.write(three);
    sink.end();
    const [header, first, second] = out.text.split('\n');
    expect(header).toBe('id,country.code,country.0.code,country.1.code,country.2.code');
    expect(first).toBe('1,US,,,');
    expect(second).toBe('2,,GB,DE,FR');
  });

  it('rejects new columns when streamed', () => {
    const out = buffer();
    const sink = createRecordSink('csv', out, undefined, { streamed: true });
    sink.write(one);
    expect(() => sink.write(three)).toThrow(
      'record 2 has columns missing from the CSV header (country.0.code, country.1.code, country.2.code)',
    );
    expect(out.text).toBe('id,country.code\n1,US\n');
  });

  it('keeps fixed columns when streamed', () => {
    const out = buffer();
    const sink = createRecordSink('csv', out, ['id'], { streamed: true });
    sink.write(one);
    sink.write(three);
    sink.end();
    expect(out.text).toBe('id\n1\n2\n');
  });

  it('prints the header for no rows', () => {
    const out = buffer();
    const sink = createRecordSink('csv', out, undefined, { emptyColumns: ['id', 'name'] });
    sink.end();
    expect(out.text).toBe('id,name\n');
  });
});

describe('writeOne', () => {
  it('prints a record as key-value lines', () => {
    const out = buffer();
    writeOne('table', out, { id: '1', name: 'One' });
    expect(out.text).toBe('id    1\nname  One\n');
  });

  it('prints a scalar as text', () => {
    const out = buffer();
    writeOne('table', out, true);
    expect(out.text).toBe('true\n');
  });

  describe('ordered values', () => {
    // Ids in descending order, as a sorted findAll returns them: a plain object would put 9 first.
    const ordered = (): Map<string, unknown> =>
      new Map<string, unknown>([
        ['100', new Map([['name', 'Hundred']])],
        ['9', new Map([['name', 'Nine']])],
      ]);

    it('keeps key order in json', () => {
      const out = buffer();
      writeOne('json', out, ordered(), { ordered: true });
      expect(out.text.indexOf('"100"')).toBeLessThan(out.text.indexOf('"9"'));
      expect(out.text).toContain('"name": "Hundred"');
    });

    it('keeps key order in ndjson', () => {
      const out = buffer();
      writeOne('ndjson', out, ordered(), { ordered: true });
      expect(out.text).toBe('{"100":{"name":"Hundred"},"9":{"name":"Nine"}}\n');
    });

    it('keeps key order in csv', () => {
      const out = buffer();
      writeOne('csv', out, ordered(), { ordered: true });
      expect(out.text).toBe('100.name,9.name\nHundred,Nine\n');
    });

    it('keeps key order in a table', () => {
      const out = buffer();
      writeOne(
        'table',
        out,
        new Map([
          ['100', 'a'],
          ['9', 'b'],
        ]),
        { ordered: true },
      );
      expect(out.text).toBe('100  a\n9    b\n');
    });
  });
});

describe('chooseFormat', () => {
  it('defaults to a table', () => {
    expect(chooseFormat({})).toBe('table');
  });

  it('rejects two formats', () => {
    expect(() => chooseFormat({ json: true, csv: true })).toThrow(
      'conflicting output flags --json and --csv',
    );
  });
});
