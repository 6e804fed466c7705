import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { FormatError } from '../../src/index.js';

import { createRawLogs } from '../../src/rawlogs/index.js';
import type { RawLogsDeps } from '../../src/rawlogs/index.js';

const CASSETTE_PATH = '/work/shared/conformance/pyoffers-cassettes/raw_log.json';

interface Recorded {
  request: { url: string };
  response: { body: string; body_encoding?: string };
}

/** Replays the recorded RawLog API replies by method and parameters, without downloads. */
function replayDeps(): RawLogsDeps {
  const entries = (JSON.parse(readFileSync(CASSETTE_PATH, 'utf8')) as Recorded[]).filter(
    (entry) => entry.response.body_encoding === undefined,
  );
  return {
    async call(target, method, params) {
      const match = entries.find((entry) => {
        const query = new URL(entry.request.url).searchParams;
        const sameParams = Object.entries(params).every(
          ([key, value]) => query.get(key) === String(value),
        );
        return query.get('Target') === target && query.get('Method') === method && sameParams;
      });
      if (match === undefined) {
        throw new Error(`no recording for ${target}.${method} ${JSON.stringify(params)}`);
      }
      return (JSON.parse(match.response.body) as { response: { data: unknown } }).response.data;
    },
    download: async () => {
      throw new Error('downloads are not replayed here');
    },
  };
}

function fixedDeps(data: unknown): RawLogsDeps {
  return {
    call: async () => data,
    download: async () => {
      throw new Error('no downloads');
    },
  };
}

describe('recorded RawLog listings', () => {
  it('listDateDirs keeps recorded strings', async () => {
    const dirs = await createRawLogs(replayDeps()).clicks.listDateDirs();
    expect(dirs.map((dir) => [dir.dirName, dir.displayName])).toEqual([
      ['20160909', 'Sep 9, 2016'],
      ['20160908', 'Sep 8, 2016'],
      ['20160907', 'Sep 7, 2016'],
    ]);
  });

  it('listLogs keeps recorded strings', async () => {
    const files = await createRawLogs(replayDeps()).clicks.listLogs('20160909');
    expect(files.map((file) => file.filename)).toEqual([
      '20160909/clicks-1473411600-SlY9UO.zip',
      '20160909/clicks-1473408000-XkPREL.zip',
      '20160909/clicks-1473404400-O3pKJF.zip',
    ]);
    expect(files[2]?.displayName).toBe('Sep 9, 2016 - 07:00 am');
    expect(files[2]?.startTime.getTime()).toBe(1473404400 * 1000);
  });

  it('getDownloadLink returns the recorded link', async () => {
    const link = await createRawLogs(replayDeps()).clicks.getDownloadLink(
      '20160909/clicks-1473411600-SlY9UO.zip',
    );
    expect(link).toBe('https://s3.amazonaws.com/ho-adserverlogs-prod/qproc/raw-logs/clicks/blabla');
  });
});

describe('unexpected RawLog replies', () => {
  it('listing without list is rejected', async () => {
    const failure = createRawLogs(fixedDeps({ logType: 'clicks' })).clicks.listLogs('20160909');
    await expect(failure).rejects.toBeInstanceOf(FormatError);
    await expect(failure).rejects.toThrow('RawLog.listLogs returned no "logFiles" list');
  });

  it('entry without dirName is rejected', async () => {
    const failure = createRawLogs(fixedDeps({ dateDirs: [{ displayName: 'x' }] })).clicks;
    await expect(failure.listDateDirs()).rejects.toThrow(/without a string "dirName"/);
  });

  it('numeric startTimestamp is kept as text', async () => {
    const data = { logFiles: [{ filename: 'f', displayName: 'd', startTimestamp: 1473404400 }] };
    const [file] = await createRawLogs(fixedDeps(data)).clicks.listLogs('20160909');
    expect(file?.startTimestamp).toBe('1473404400');
  });

  it('link that is not http is rejected', async () => {
    const clicks = createRawLogs(fixedDeps({ link: 'ftp://x' })).clicks;
    const failure = clicks.getDownloadLink('20160909/clicks-1473411600-SlY9UO.zip');
    await expect(failure).rejects.toThrow(/returned no http\(s\) link/);
  });
});
