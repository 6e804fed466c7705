import { Unzip, UnzipPassThrough, strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

const CLICK_HEADER =
  'transaction_id,affiliate_id,affiliate_manager_id,advertiser_id,advertiser_manager_id,offer_id,' +
  'creative_url_id,affiliate_source,affiliate_sub1,affiliate_sub2,affiliate_sub3,affiliate_sub4,' +
  'affiliate_sub5,datetime,revenue_cents,payout_cents,refer,url,pixel_refer,ip,user_agent,' +
  'country_code,browser_id,is_click_unique,ad_campaign_id,ad_campaign_creative_id,offer_file_id,' +
  'status,offer_file_size,currency,payout_type,revenue_type,device_brand,device_model,device_os,' +
  'device_os_version,device_id,device_id_md5,device_id_sha1,android_id,android_id_md5,' +
  'android_id_sha1,mac_address,mac_address_md5,mac_address_sha1,odin,open_udid,ios_ifa,' +
  'ios_ifa_md5,ios_ifa_sha1,ios_ifv,user_id,unknown_id,payout_group_id,revenue_group_id,' +
  'req_connection_speed,google_aid';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimit: false,
    seed: 3,
    today: '2016-09-12',
    rawLogs: { days: 4, rowsPerHour: 25 },
  });
});
afterAll(async () => {
  await emulator.close();
});

async function link(type: string, filename: string): Promise<string> {
  return (
    await callData(emulator, 'RawLog', 'getDownloadLink', {
      log_type: type,
      log_filename: filename,
    })
  ).link;
}

async function firstFile(type: string, dir = '20160910'): Promise<string> {
  const data = await callData(emulator, 'RawLog', 'listLogs', { log_type: type, date_dir: dir });
  return data.logFiles[0].filename;
}

async function download(url: string): Promise<Record<string, Uint8Array>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return unzipSync(new Uint8Array(await response.arrayBuffer()));
}

describe('raw log listings', () => {
  it('lists date directories newest first', async () => {
    const data = await callData(emulator, 'RawLog', 'listDateDirs', { log_type: 'clicks' });
    expect(data.logType).toBe('clicks');
    expect(data.dateDirs).toEqual([
      { displayName: 'Sep 12, 2016', dirName: '20160912' },
      { displayName: 'Sep 11, 2016', dirName: '20160911' },
      { displayName: 'Sep 10, 2016', dirName: '20160910' },
      { displayName: 'Sep 9, 2016', dirName: '20160909' },
    ]);
  });

  it('lists hourly files newest first', async () => {
    const data = await callData(emulator, 'RawLog', 'listLogs', {
      log_type: 'clicks',
      date_dir: '20160909',
    });
    expect(data.logDate).toBe('20160909');
    expect(typeof data.fetchTime).toBe('number');
    expect(data.logFiles).toHaveLength(24);
    const nine = data.logFiles.find(
      (file: { startTimestamp: string }) => file.startTimestamp === '1473411600',
    );
    expect(nine.displayName).toBe('Sep 9, 2016 - 09:00 am');
    expect(nine.filename).toMatch(/^20160909\/clicks-1473411600-[A-Za-z0-9_]{6}\.zip$/);
    expect(data.logFiles[0].displayName).toBe('Sep 9, 2016 - 11:00 pm');
  });

  it('rejects an unknown log type', async () => {
    const reply = await callApi(emulator, 'RawLog', 'listDateDirs', { log_type: 'views' });
    expect(reply.body.response.errorMessage).toBe(
      'Log_type must be one of: clicks, conversions, impressions',
    );
  });

  it('rejects a link for an unknown file', async () => {
    const reply = await callApi(emulator, 'RawLog', 'getDownloadLink', {
      log_type: 'clicks',
      log_filename: '20160909/clicks-1473411600-AAAAAA.zip',
    });
    expect(reply.body.response.status).toBe(-1);
  });
});

describe('raw log downloads', () => {
  it('serves a ZIP with the clicks CSV', async () => {
    const filename = await firstFile('clicks');
    const url = await link('clicks', filename);
    expect(url.startsWith(`${emulator.origin}/`)).toBe(true);
    const members = await download(url);
    const names = Object.keys(members);
    expect(names).toEqual([filename.split('/')[1]?.replace('.zip', '.csv')]);
    const lines = strFromU8(members[names[0] ?? ''] ?? new Uint8Array()).split('\n');
    expect(lines[0]).toBe(CLICK_HEADER);
    expect(lines).toHaveLength(27);
    expect(lines[26]).toBe('');
    expect(lines[1]).toMatch(/^"[0-9a-f]{30}",\d+,\d+,\d+,\d+,\d+,"",/);
    expect(lines[1]).toContain('"2016-09-10 23:00:00"');
  });

  it('generates the same bytes for the same seed', async () => {
    const filename = await firstFile('conversions');
    const first = new Uint8Array(
      await (await fetch(await link('conversions', filename))).arrayBuffer(),
    );
    const twin = await startEmulator({
      seed: 3,
      today: '2016-09-12',
      rawLogs: { days: 4, rowsPerHour: 25 },
    });
    try {
      const twinLink = (
        await callData(twin, 'RawLog', 'getDownloadLink', {
          log_type: 'conversions',
          log_filename: filename,
        })
      ).link;
      const second = new Uint8Array(await (await fetch(twinLink)).arrayBuffer());
      expect(second).toEqual(first);
    } finally {
      await twin.close();
    }
  });

  it('writes impressions with their own columns', async () => {
    const members = await download(await link('impressions', await firstFile('impressions')));
    const text = strFromU8(Object.values(members)[0] ?? new Uint8Array());
    expect(text.split('\n')[0]?.startsWith('impression_id,affiliate_id,offer_id')).toBe(true);
  });

  it('answers expired links like a storage host', async () => {
    const shortLived = await startEmulator({ linkTtlMs: 1, today: '2016-09-12' });
    try {
      const filename = (
        await callData(shortLived, 'RawLog', 'listLogs', {
          log_type: 'clicks',
          date_dir: '20160912',
        })
      ).logFiles[0].filename;
      const url = (
        await callData(shortLived, 'RawLog', 'getDownloadLink', {
          log_type: 'clicks',
          log_filename: filename,
        })
      ).link;
      // Expiry has whole-second resolution, so wait until the second the link names has passed.
      const expiresMs = Number(new URL(url).searchParams.get('Expires')) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(expiresMs - Date.now(), 0) + 5));
      const response = await fetch(url);
      expect(response.status).toBe(403);
      const body = await response.text();
      expect(body).toContain('<Code>AccessDenied</Code>');
      expect(body).toContain('<Message>Request has expired</Message>');
    } finally {
      await shortLived.close();
    }
  });

  it('rejects a tampered link', async () => {
    const url = await link('clicks', await firstFile('clicks'));
    const tampered = url.replace('clicks-', 'clicks-1');
    const response = await fetch(tampered);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('large raw log files', () => {
  it('streams 50,000 rows', async () => {
    const big = await startEmulator({
      today: '2016-09-12',
      rawLogs: { days: 1, rowsPerHour: 50_000 },
    });
    try {
      const filename = (
        await callData(big, 'RawLog', 'listLogs', { log_type: 'clicks', date_dir: '20160912' })
      ).logFiles[0].filename;
      const url = (
        await callData(big, 'RawLog', 'getDownloadLink', {
          log_type: 'clicks',
          log_filename: filename,
        })
      ).link;
      const response = await fetch(url);
      let newlines = 0;
      const unzip = new Unzip((file) => {
        file.ondata = (error, chunk) => {
          if (error) throw error;
          for (const byte of chunk) if (byte === 10) newlines++;
        };
        file.start();
      });
      unzip.register(UnzipPassThrough);
      for await (const chunk of response.body ?? []) unzip.push(chunk as Uint8Array);
      unzip.push(new Uint8Array(0), true);
      expect(newlines).toBe(50_001);
    } finally {
      await big.close();
    }
  });
});
