import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CliUsageError, PartialFailureError } from '../../src/cli/cli-error.js';
import type { ExportedFile, RawLogSource } from '../../src/cli/rawlogs-export.js';
import { exportRawLogs, formatBytes } from '../../src/cli/rawlogs-export.js';
import { tempDir } from './support/temp.js';

const silent = {
  start: () => undefined,
  setTotal: () => undefined,
  increment: () => undefined,
  stop: () => undefined,
};

// An in-memory log listing; `broken` names files whose download fails after the first row.
function source(broken: readonly string[] = []): RawLogSource {
  const logs: Record<string, Array<{ filename: string; startTimestamp: string }>> = {
    '20240502': [
      { filename: '20240502/clicks-1714611600-bbbbbb.zip', startTimestamp: '1714611600' },
      { filename: '20240502/clicks-1714608000-aaaaaa.zip', startTimestamp: '1714608000' },
    ],
    '20240501': [
      { filename: '20240501/clicks-1714521600-cccccc.zip', startTimestamp: '1714521600' },
    ],
  };
  return {
    listDateDirs: async () => [
      { dirName: '20240502', displayName: 'May 2, 2024' },
      { dirName: '20240501', displayName: 'May 1, 2024' },
    ],
    listLogs: async (day) => (logs[day] ?? []).map((log) => ({ ...log, displayName: day })),
    async *records(filename) {
      yield { transaction_id: `${filename}#1`, note: 'a, "quoted" value' };
      if (broken.includes(filename)) throw new Error('download failed');
      yield { transaction_id: `${filename}#2`, note: '' };
    },
  };
}

async function run(broken: readonly string[], days: string[], per: 'day' | 'file' = 'day') {
  const outDir = tempDir('tsoffers-export-');
  const written: ExportedFile[] = [];
  const notes: string[] = [];
  const result = exportRawLogs(
    source(broken),
    { logType: 'clicks', dayDirs: days, outDir, format: per === 'day' ? 'ndjson' : 'csv', per },
    {
      progress: silent,
      note: (message) => notes.push(message),
      onFile: (file) => written.push(file),
    },
  );
  return { outDir, written, notes, result };
}

describe('exportRawLogs', () => {
  it('writes one ndjson file per day, oldest hour first', async () => {
    const { outDir, result } = await run([], ['20240502']);
    const files = await result;
    expect(files).toHaveLength(1);
    expect(files[0]?.rows).toBe(4);
    const lines = (await readFile(join(outDir, 'clicks-20240502.ndjson'), 'utf8'))
      .trimEnd()
      .split('\n');
    expect(
      lines.map((line) => (JSON.parse(line) as { transaction_id: string }).transaction_id),
    ).toEqual([
      '20240502/clicks-1714608000-aaaaaa.zip#1',
      '20240502/clicks-1714608000-aaaaaa.zip#2',
      '20240502/clicks-1714611600-bbbbbb.zip#1',
      '20240502/clicks-1714611600-bbbbbb.zip#2',
    ]);
  });

  it('writes quoted csv per log file', async () => {
    const { outDir, result } = await run([], ['20240501'], 'file');
    await result;
    expect(await readFile(join(outDir, 'clicks-1714521600-cccccc.csv'), 'utf8')).toBe(
      'transaction_id,note\n' +
        '20240501/clicks-1714521600-cccccc.zip#1,"a, ""quoted"" value"\n' +
        '20240501/clicks-1714521600-cccccc.zip#2,\n',
    );
  });

  it('skips days without logs', async () => {
    const { notes, result } = await run([], ['20240430', '20240501']);
    expect(await result).toHaveLength(1);
    expect(notes).toEqual(['no clicks logs for 20240430; skipped']);
  });

  it('reports partial failure and keeps no broken file', async () => {
    const { outDir, written, result } = await run(
      ['20240502/clicks-1714611600-bbbbbb.zip'],
      ['20240501', '20240502'],
    );
    await expect(result).rejects.toThrow(PartialFailureError);
    await expect(result).rejects.toThrow(
      '1 of 2 output files failed and were not written: clicks-20240502.ndjson (download failed)',
    );
    expect(written.map((file) => file.day)).toEqual(['20240501']);
    expect(await readdir(outDir)).toEqual(['clicks-20240501.ndjson']);
  });

  it('raises the error when every file fails', async () => {
    const { outDir, result } = await run(['20240501/clicks-1714521600-cccccc.zip'], ['20240501']);
    await expect(result).rejects.toThrow('download failed');
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe('exportRawLogs output directory', () => {
  it('fails before listing when --out is under a file', async () => {
    const parent = tempDir('tsoffers-export-out-');
    await writeFile(join(parent, 'file'), '');
    const outDir = join(parent, 'file', 'logs');
    let listed = false;
    const listing: RawLogSource = {
      ...source(),
      listDateDirs: async () => {
        listed = true;
        return [];
      },
    };
    const result = exportRawLogs(
      listing,
      { logType: 'clicks', dayDirs: ['20240501'], outDir, format: 'ndjson', per: 'day' },
      { progress: silent, note: () => undefined, onFile: () => undefined },
    );
    await expect(result).rejects.toThrow(CliUsageError);
    await expect(result).rejects.toThrow(
      `cannot write to the output directory ${outDir} (ENOTDIR): pass --out a directory you can write to`,
    );
    expect(listed).toBe(false);
  });
});

describe('exportRawLogs csv columns', () => {
  // Two hourly files of one day; the later one has a column the earlier one lacks.
  function growingSource(logType: string): RawLogSource {
    const early = `20240502/${logType}-1714608000-aaaaaa.zip`;
    const late = `20240502/${logType}-1714611600-bbbbbb.zip`;
    return {
      listDateDirs: async () => [{ dirName: '20240502', displayName: 'May 2, 2024' }],
      listLogs: async () => [
        { filename: late, displayName: 'late', startTimestamp: '1714611600' },
        { filename: early, displayName: 'early', startTimestamp: '1714608000' },
      ],
      async *records(filename) {
        if (filename === early) yield { id: '1', offer_id: '3' };
        else yield { id: '2', offer_id: '4', affiliate_sub6: 'new' };
      },
    };
  }

  async function exportCsv(logType: string, per: 'day' | 'file') {
    const outDir = tempDir('tsoffers-export-columns-');
    const result = exportRawLogs(
      growingSource(logType),
      { logType, dayDirs: ['20240502'], outDir, format: 'csv', per },
      { progress: silent, note: () => undefined, onFile: () => undefined },
    );
    return { outDir, result };
  }

  it.each(['clicks', 'conversions', 'impressions'])(
    'fails a per-day %s csv that would drop a column',
    async (logType) => {
      const { outDir, result } = await exportCsv(logType, 'day');
      await expect(result).rejects.toThrow(
        `log file 20240502/${logType}-1714611600-bbbbbb.zip has columns missing from the header of ${logType}-20240502.csv (affiliate_sub6)`,
      );
      await expect(result).rejects.toThrow('export with --per file or --format ndjson');
      expect(await readdir(outDir)).toEqual([]);
    },
  );

  it.each(['clicks', 'conversions', 'impressions'])(
    'keeps every column of %s with --per file',
    async (logType) => {
      const { outDir, result } = await exportCsv(logType, 'file');
      await result;
      expect(await readFile(join(outDir, `${logType}-1714611600-bbbbbb.csv`), 'utf8')).toBe(
        'id,offer_id,affiliate_sub6\n2,4,new\n',
      );
    },
  );
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
  ])('formats %d', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
