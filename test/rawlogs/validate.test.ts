import { describe, expect, it } from 'vitest';

import { UsageError, HasOffersError } from '../../src/index.js';

import { createRawLogs } from '../../src/rawlogs/index.js';

function trackedRawLogs() {
  const calls: string[] = [];
  const rawLogs = createRawLogs({
    call: async (target, method) => {
      calls.push(`${target}.${method}`);
      return {};
    },
    download: async (url) => {
      calls.push(`download ${url}`);
      return (async function* () {})();
    },
  });
  return { rawLogs, calls };
}

describe('raw log input checks', () => {
  const badDateDirs = ['2016-09-09', '201609', '20161301', '20160230', ' 20160909', ''];
  for (const dateDir of badDateDirs) {
    it(`rejects date dir ${JSON.stringify(dateDir)}`, async () => {
      const { rawLogs, calls } = trackedRawLogs();
      const failure = rawLogs.clicks.listLogs(dateDir);
      await expect(failure).rejects.toBeInstanceOf(UsageError);
      await expect(failure).rejects.toBeInstanceOf(HasOffersError);
      await expect(failure).rejects.toMatchObject({ name: 'UsageError' });
      await expect(failure).rejects.toThrow(
        `${JSON.stringify(dateDir)}: expected a day as YYYYMMDD`,
      );
      expect(() => rawLogs.clicks.findAll(dateDir)).toThrow(UsageError);
      expect(calls).toEqual([]);
    });
  }

  const badFilenames = [
    'clicks-1473411600-SlY9UO.zip',
    '20160909/clicks-1473411600-SlY9UO.csv',
    '20160909/clicks-abc-SlY9UO.zip',
    '20160909/clicks-1473411600-.zip',
    '20161340/clicks-1473411600-SlY9UO.zip',
    '../20160909/clicks-1473411600-SlY9UO.zip',
  ];
  for (const filename of badFilenames) {
    it(`rejects file name ${JSON.stringify(filename)}`, async () => {
      const { rawLogs, calls } = trackedRawLogs();
      const failure = rawLogs.clicks.getDownloadLink(filename);
      await expect(failure).rejects.toBeInstanceOf(UsageError);
      await expect(failure).rejects.toThrow(JSON.stringify(filename));
      expect(() => rawLogs.clicks.records(filename)).toThrow(/expected YYYYMMDD\/clicks-<digits>/);
      expect(calls).toEqual([]);
    });
  }

  it('accepts well-formed file names', async () => {
    const { rawLogs, calls } = trackedRawLogs();
    const names = [
      '20160909/clicks-1473411600-SlY9UO.zip',
      '20160912/clicks-1473670800-Zx_u-d.zip',
    ];
    for (const filename of names) {
      await expect(rawLogs.clicks.getDownloadLink(filename)).rejects.toThrow(/no http\(s\) link/);
    }
    expect(calls).toEqual(['RawLog.getDownloadLink', 'RawLog.getDownloadLink']);
  });

  it('rejects a file of another log type', () => {
    const { rawLogs, calls } = trackedRawLogs();
    const filename = '20160909/conversions-1473411600-SlY9UO.zip';
    expect(() => rawLogs.clicks.records(filename)).toThrow(
      'is not a clicks log: read it through rawLogs.conversions instead.',
    );
    expect(calls).toEqual([]);
  });

  it('rejects a non-string file name', () => {
    const { rawLogs } = trackedRawLogs();
    expect(() => rawLogs.impressions.records(42 as unknown as string)).toThrow(
      'Invalid impressions log file name 42',
    );
  });

  it('error name is UsageError', () => {
    const { rawLogs } = trackedRawLogs();
    expect(() => rawLogs.clicks.records('x')).toThrow(
      expect.objectContaining({ name: 'UsageError' }),
    );
  });
});
