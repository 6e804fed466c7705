import { describe, expect, it } from 'vitest';

import { formatTable } from '../../src/cli/output/table.js';
import { displayWidth } from '../../src/cli/output/width.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['café', 4],
    ['cafe\u0301', 4],
    ['日本語', 6],
    ['한국어', 6],
    ['カタカナ', 8],
    ['ＡＢ', 4],
    ['a😀b', 4],
    ['Offer 東京', 10],
  ])('measures %j as %d columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('formatTable with wide characters', () => {
  it('aligns columns after CJK cells', () => {
    const table = formatTable([
      { name: '東京オファー', status: 'active' },
      { name: 'Paris', status: 'paused' },
    ]);
    const lines = table.trimEnd().split('\n');
    const statusColumn = (line: string): number => displayWidth(line.slice(0, line.search(/\S+$/)));
    expect(lines.map(statusColumn)).toEqual([14, 14, 14]);
    expect(lines[1]).toBe('東京オファー  active');
  });

  it('cuts wide cells by columns', () => {
    const table = formatTable([{ name: '日本語のオファー名' }], { maxCellWidth: 8 });
    expect(table).toBe('NAME\n日本語…\n');
  });
});
