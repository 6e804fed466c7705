import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { AbortError, FormatError } from '../../src/index.js';

import { DateDir, LogFile, createRawLogs } from '../../src/rawlogs/index.js';
import type { RawLogsDeps } from '../../src/rawlogs/index.js';
import { collect, recordedClicksZip, toCsv, zipWithDataDescriptors } from './helpers.js';

const RECORDED_FILE = '20160909/clicks-1473411600-SlY9UO.zip';
const BUILT_FILE = '20160909/clicks-1473408000-XkPREL.zip';
const CONVERSIONS_FILE = '20160909/conversions-1473408000-Ab12Cd.zip';

const BUILT_TABLE = [
  ['transaction_id', 'offer_id'],
  ['built-1', '7'],
  ['built-2', '8'],
];

const ARCHIVES = new Map<string, Uint8Array>([
  [RECORDED_FILE, recordedClicksZip()],
  [BUILT_FILE, zipWithDataDescriptors({ 'other-name.csv': toCsv(BUILT_TABLE) }, 'deflated')],
  [
    CONVERSIONS_FILE,
    zipWithDataDescriptors(
      {
        'c.csv': toCsv([
          ['conversion_id', 'payout'],
          ['c1', '1.50'],
        ]),
      },
      'stored',
    ),
  ],
  ['20160909/clicks-1473404400-NotZip.zip', new TextEncoder().encode('<Error>Expired</Error>')],
]);

const LISTINGS: Record<string, unknown> = {
  listDateDirs: {
    logType: 'clicks',
    dateDirs: [
      { displayName: 'Sep 9, 2016', dirName: '20160909' },
      { displayName: 'Sep 8, 2016', dirName: '20160908' },
    ],
  },
  listLogs: {
    logType: 'clicks',
    logDate: '20160909',
    logFiles: [
      {
        displayName: 'Sep 9, 2016 - 09:00 am',
        startTimestamp: '1473411600',
        filename: RECORDED_FILE,
      },
      { displayName: 'Sep 9, 2016 - 08:00 am', startTimestamp: '1473408000', filename: BUILT_FILE },
    ],
    fetchTime: 0.12,
  },
};

let server: Server;
let baseUrl: string;
const requests: string[] = [];

function sendEnvelope(response: ServerResponse, data: unknown, status = 1): void {
  const body = {
    request: { Target: 'RawLog' },
    response: { status, httpStatus: 200, data, errors: [], errorMessage: null },
  };
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function handleApi(url: URL, response: ServerResponse): void {
  const method = url.searchParams.get('Method') ?? '';
  requests.push(`${method} ${url.searchParams.get('log_type')}`);
  if (method === 'getDownloadLink') {
    const filename = url.searchParams.get('log_filename') ?? '';
    sendEnvelope(response, { link: `${baseUrl}/files/${encodeURIComponent(filename)}` });
    return;
  }
  sendEnvelope(response, LISTINGS[method] ?? null, method in LISTINGS ? 1 : -1);
}

function handleDownload(url: URL, response: ServerResponse): void {
  const filename = decodeURIComponent(url.pathname.slice('/files/'.length));
  requests.push(`download ${filename}`);
  const archive = ARCHIVES.get(filename);
  if (archive === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  // Several writes make the client see the archive in more than one chunk.
  for (let at = 0; at < archive.length; at += 700) {
    response.write(archive.subarray(at, at + 700));
  }
  response.end();
}

function route(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', baseUrl);
  if (url.pathname === '/Apiv3/json') {
    handleApi(url, response);
  } else {
    handleDownload(url, response);
  }
}

/** A minimal client call over fetch, standing in for the HasOffers client. */
const deps: RawLogsDeps = {
  async call(target, method, params) {
    const query = new URLSearchParams({ Target: target, Method: method, NetworkId: 'demo' });
    for (const [key, value] of Object.entries(params)) {
      query.set(key, String(value));
    }
    const reply = await fetch(`${baseUrl}/Apiv3/json?${query}`);
    const envelope = (await reply.json()) as { response: { status: number; data: unknown } };
    if (envelope.response.status !== 1) {
      throw new Error(`${target}.${method} failed`);
    }
    return envelope.response.data;
  },
  async download(url, signal) {
    const reply = await fetch(url, signal === undefined ? {} : { signal });
    if (!reply.ok || reply.body === null) {
      throw new Error(`download failed with HTTP ${reply.status}`);
    }
    return reply.body;
  },
};

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

describe('createRawLogs over HTTP', () => {
  it('lists date dirs', async () => {
    const dirs = await createRawLogs(deps).clicks.listDateDirs();
    expect(dirs.map((dir) => dir.dirName)).toEqual(['20160909', '20160908']);
    expect(dirs[0]).toBeInstanceOf(DateDir);
    expect(dirs[0]?.displayName).toBe('Sep 9, 2016');
    expect(dirs[0]?.date.toISOString()).toBe('2016-09-09T00:00:00.000Z');
    expect(requests).toEqual(['listDateDirs clicks']);
  });

  it('lists log files', async () => {
    const files = await createRawLogs(deps).clicks.listLogs('20160909');
    expect(files.map((file) => file.filename)).toEqual([RECORDED_FILE, BUILT_FILE]);
    expect(files[0]).toBeInstanceOf(LogFile);
    expect(files[0]?.startTimestamp).toBe('1473411600');
    expect(files[0]?.startTime.toISOString()).toBe('2016-09-09T09:00:00.000Z');
    expect(JSON.parse(JSON.stringify(files[1]))).toEqual({
      filename: BUILT_FILE,
      displayName: 'Sep 9, 2016 - 08:00 am',
      startTimestamp: '1473408000',
    });
  });

  it('reads records of one file', async () => {
    const records = await collect(createRawLogs(deps).clicks.records(RECORDED_FILE));
    expect(records.map((record) => record.offer_id)).toEqual(['13', '84']);
    expect(records.map((record) => record.transaction_id)).toEqual([
      '1020f1afc9b6af45c4efe622938512',
      '102f149014c5fae4576c577c26347c',
    ]);
  });

  it('second read reuses the link', async () => {
    const clicks = createRawLogs(deps).clicks;
    await collect(clicks.records(RECORDED_FILE));
    const again = await collect(clicks.records(RECORDED_FILE));
    expect(again.length).toBe(2);
    expect(requests).toEqual([
      'getDownloadLink clicks',
      `download ${RECORDED_FILE}`,
      `download ${RECORDED_FILE}`,
    ]);
  });

  it('concurrent link requests share one call', async () => {
    const clicks = createRawLogs(deps).clicks;
    const links = await Promise.all([
      clicks.getDownloadLink(BUILT_FILE),
      clicks.getDownloadLink(BUILT_FILE),
    ]);
    expect(links[0]).toBe(`${baseUrl}/files/${encodeURIComponent(BUILT_FILE)}`);
    expect(links[1]).toBe(links[0]);
    expect(requests).toEqual(['getDownloadLink clicks']);
  });

  it('link is fetched again after seven hours', async () => {
    let clock = 0;
    const clicks = createRawLogs({ ...deps, now: () => clock }).clicks;
    await clicks.getDownloadLink(BUILT_FILE);
    clock = 7 * 60 * 60 * 1000 - 1;
    await clicks.getDownloadLink(BUILT_FILE);
    expect(requests.length).toBe(1);
    clock += 1;
    await clicks.getDownloadLink(BUILT_FILE);
    expect(requests.length).toBe(2);
  });

  it('failed link call is not cached', async () => {
    let failNext = true;
    const flaky: RawLogsDeps = {
      ...deps,
      call: async (target, method, params) => {
        if (failNext) {
          failNext = false;
          throw new Error('connection reset');
        }
        return deps.call(target, method, params);
      },
    };
    const clicks = createRawLogs(flaky).clicks;
    await expect(clicks.getDownloadLink(BUILT_FILE)).rejects.toThrow('connection reset');
    await expect(clicks.getDownloadLink(BUILT_FILE)).resolves.toContain('/files/');
  });

  it('findAll reads every file of a day', async () => {
    const records = await collect(createRawLogs(deps).clicks.findAll('20160909'));
    expect(records.map((record) => record.transaction_id)).toEqual([
      '1020f1afc9b6af45c4efe622938512',
      '102f149014c5fae4576c577c26347c',
      'built-1',
      'built-2',
    ]);
    expect(requests).toEqual([
      'listLogs clicks',
      'getDownloadLink clicks',
      `download ${RECORDED_FILE}`,
      'getDownloadLink clicks',
      `download ${BUILT_FILE}`,
    ]);
  });

  it('findAll stops when the caller stops', async () => {
    for await (const record of createRawLogs(deps).clicks.findAll('20160909')) {
      expect(record.offer_id).toBe('13');
      break;
    }
    expect(requests).toEqual([
      'listLogs clicks',
      'getDownloadLink clicks',
      `download ${RECORDED_FILE}`,
    ]);
  });

  it('separate readers keep separate caches', async () => {
    await createRawLogs(deps).clicks.getDownloadLink(BUILT_FILE);
    await createRawLogs(deps).clicks.getDownloadLink(BUILT_FILE);
    expect(requests).toEqual(['getDownloadLink clicks', 'getDownloadLink clicks']);
  });

  it('conversions keep their own header', async () => {
    const records = await collect(createRawLogs(deps).conversions.records(CONVERSIONS_FILE));
    expect(records).toEqual([{ conversion_id: 'c1', payout: '1.50' }]);
    expect(requests[0]).toBe('getDownloadLink conversions');
  });

  it('download that is not a ZIP fails clearly', async () => {
    const records = collect(
      createRawLogs(deps).clicks.records('20160909/clicks-1473404400-NotZip.zip'),
    );
    await expect(records).rejects.toBeInstanceOf(FormatError);
    await expect(records).rejects.toThrow(
      'ZIP archive "20160909/clicks-1473404400-NotZip.zip" has no CSV member',
    );
  });

  it('aborted read downloads nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by caller'));
    const records = collect(
      createRawLogs(deps).clicks.records(RECORDED_FILE, { signal: controller.signal }),
    );
    await expect(records).rejects.toBeInstanceOf(AbortError);
    await expect(records).rejects.toMatchObject({
      name: 'AbortError',
      cause: controller.signal.reason,
    });
    await expect(records).rejects.toThrow('stopped by caller');
    expect(requests).toEqual(['getDownloadLink clicks']);
  });
});
