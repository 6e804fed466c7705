import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import type { CliResult } from './support/run-cli.js';
import { runCli } from './support/run-cli.js';

let server: TestEmulator;
const outputs: CliResult[] = [];

async function cli(...args: string[]): Promise<CliResult> {
  const result = await runCli(args, { env: server.env });
  outputs.push(result);
  return result;
}

beforeAll(async () => {
  server = await startTestEmulator();
});

afterAll(async () => {
  await server.emulator.close();
});

describe('offers list with no match', () => {
  it('notes the empty table on stderr', async () => {
    const result = await cli('offers', 'list', '--where', 'id>100000');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('no offers matched\n');
  });

  it('prints the csv header', async () => {
    const result = await cli(
      'offers',
      'list',
      '--where',
      'id>100000',
      '--csv',
      '--fields',
      'id,name',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('id,name\n');
  });

  it('prints every field name without --fields', async () => {
    const result = await cli('offers', 'list', '--where', 'id>100000', '--csv');
    const header = result.stdout.trimEnd().split(',');
    expect(header).toContain('id');
    expect(header).toContain('status');
  });

  it('notes an empty report', async () => {
    const args = ['report', 'stats', '--from', '2001-01-01', '--to', '2001-01-02'];
    const table = await cli(...args);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('no report rows matched from 2001-01-01 to 2001-01-02\n');
    const csv = await cli(...args, '--fields', 'Stat.clicks', '--csv');
    expect(csv.stdout).toBe('Stat.clicks\n');
  });

  it('prints an empty json array', async () => {
    const result = await cli('offers', 'list', '--where', 'id>100000', '--json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('[]\n');
  });
});

describe('offers list', () => {
  it('prints an aligned table', async () => {
    const result = await cli('offers', 'list', '--limit', '3', '--fields', 'id,name,status');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\s*ID {2}NAME\s+STATUS$/);
    const statusColumn = lines[0]?.indexOf('STATUS');
    for (const line of lines.slice(1)) {
      expect(line.slice(statusColumn).trim()).toMatch(/^(active|paused|pending|deleted|expired)$/);
    }
    expect(result.stderr).toMatch(/page 1 of \d+/);
  });

  it('filters and sorts with --where and --sort', async () => {
    const result = await cli(
      'offers',
      'list',
      '--where',
      'status=active',
      '--where',
      'id>2',
      '--sort',
      '-id',
      '--fields',
      'id,status',
      '--json',
    );
    expect(result.code).toBe(0);
    const offers = JSON.parse(result.stdout) as Array<{ id: string; status: string }>;
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((offer) => offer.status === 'active')).toBe(true);
    expect(offers.every((offer) => Number(offer.id) > 2)).toBe(true);
    const ids = offers.map((offer) => Number(offer.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('joins conditions with --or', async () => {
    const result = await cli(
      'offers',
      'list',
      '--where',
      'id=1',
      '--where',
      'id=2',
      '--or',
      '--fields',
      'id',
      '--ndjson',
    );
    expect(result.code).toBe(0);
    const ids = result.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.sort()).toEqual(['1', '2']);
  });

  it('fetches every page with --all', async () => {
    const all = await cli('offers', 'list', '--all', '--limit', '2', '--fields', 'id', '--json');
    const ids = await cli('call', 'Offer', 'findAllIds', '--json');
    expect(all.code).toBe(0);
    const listed = (JSON.parse(all.stdout) as Array<{ id: string }>).map((offer) => offer.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual((JSON.parse(ids.stdout) as string[]).sort());
  });

  it('prints csv with a header row', async () => {
    const result = await cli('offers', 'list', '--limit', '2', '--fields', 'id,name', '--csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,name');
    expect(lines).toHaveLength(3);
  });
});

describe('offers list with contain', () => {
  it('adds contained columns to the table', async () => {
    const result = await cli(
      'offers',
      'list',
      '--limit',
      '2',
      '--fields',
      'id,name',
      '--contain',
      'Country',
    );
    expect(result.code).toBe(0);
    const header = result.stdout.split('\n')[0] ?? '';
    expect(header).toMatch(/^\s*ID {2}NAME\s+COUNTRY/);
    expect(header).not.toContain('STATUS');
  });
});

describe('offers get', () => {
  it('prints one offer with contained models', async () => {
    const result = await cli('offers', 'get', '1', '--contain', 'Country', '--json');
    expect(result.code).toBe(0);
    const offer = JSON.parse(result.stdout) as { id: string };
    expect(offer.id).toBe('1');
  });

  it('exits 4 for a missing offer', async () => {
    const result = await cli('offers', 'get', '999999');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('error: offer 999999 not found');
    expect(result.stdout).toBe('');
  });
});

describe('writes and offer actions', () => {
  it('creates an affiliate, approves it and makes a tracking link', async () => {
    const created = await cli(
      'affiliates',
      'create',
      'company=CLI Test Media',
      'status=active',
      'country=US',
      'zipcode=10001',
      'phone=+10000000001',
      '--json',
    );
    expect(created.code).toBe(0);
    const affiliate = JSON.parse(created.stdout) as { id: string; company: string };
    expect(affiliate.company).toBe('CLI Test Media');

    const approved = await cli('offers', 'approve', '1', affiliate.id, '--json');
    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ approval_status: 'approved' });

    const approvals = await cli('offers', 'approvals', '1');
    expect(approvals.code).toBe(0);
    const [header, ...rows] = approvals.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^\s*ID\s+AFFILIATE_ID\s+AFFILIATE\.COMPANY\s+APPROVAL_STATUS/);
    expect(rows.some((row) => row.includes('CLI Test Media') && row.includes('approved'))).toBe(
      true,
    );

    const link = await cli('offers', 'tracking-link', '1', affiliate.id, 'aff_sub=cli', '--json');
    expect(link.code).toBe(0);
    const body = JSON.parse(link.stdout) as { click_url?: string };
    expect(body.click_url).toContain(`aff_id=${affiliate.id}`);

    const updated = await cli(
      'affiliates',
      'update',
      affiliate.id,
      'company=Renamed Media',
      '--json',
    );
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      id: affiliate.id,
      company: 'Renamed Media',
    });
  });

  it('blocks and unblocks an affiliate', async () => {
    const blocked = await cli('offers', 'block', '1', '1', '--json');
    expect(blocked.code).toBe(0);
    expect(JSON.parse(blocked.stdout)).toMatchObject({ blocked: true });
    const unblocked = await cli('offers', 'unblock', '1', '1', '--json');
    expect(JSON.parse(unblocked.stdout)).toMatchObject({ unblocked: true });
  });
});

describe('call', () => {
  it('sends any catalogue method', async () => {
    const result = await cli('call', 'Offer', 'findById', 'id=2', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Offer: { id: '2' } });
  });

  it('keeps the server order of id-keyed results', async () => {
    const args = ['call', 'Offer', 'findAll', 'sort[Offer.id]=desc', 'fields[]=id', 'limit=25'];
    const json = await cli(...args, '--json');
    expect(json.code).toBe(0);
    // JSON.parse would reorder integer-like keys, so the order is read from the text.
    const jsonIds = [...json.stdout.matchAll(/^ {4}"(\d+)": \{$/gm)].map((match) => match[1]);
    expect(jsonIds.slice(0, 3)).toEqual(['30', '29', '28']);
    expect(jsonIds).toHaveLength(25);
    expect(jsonIds.at(-1)).toBe('6');

    const table = await cli(...args);
    const tableIds = [...table.stdout.matchAll(/^data\.(\d+)\.Offer\.id /gm)].map((m) => m[1]);
    expect(tableIds).toEqual(jsonIds);
  });

  it('lists the parameters of a method', async () => {
    const result = await cli('call', '--list', 'Offer', 'generateTrackingLink');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('offer_id  integer  required');
  });
});

describe('report stats', () => {
  it('prints grouped rows as csv', async () => {
    const result = await cli(
      'report',
      'stats',
      '--fields',
      'Stat.offer_id,Stat.clicks',
      '--groups',
      'Stat.offer_id',
      '--csv',
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Stat.offer_id,Stat.clicks');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => /^\d+,\d+$/.test(line))).toBe(true);
  });
});

describe('retries of long commands', () => {
  it.each([
    [['offers', 'list', '--all'], 'attempt 2/7'],
    [['--retries', '2', 'offers', 'list', '--all'], 'attempt 2/3'],
    [['offers', 'list'], 'attempt 2/4'],
  ])('%j retries as %s', async (args, attempt) => {
    await fetch(`${server.emulator.origin}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A server error, because the client may wait out a whole rate-limit window before a retry.
      body: JSON.stringify({ kind: 'http-5xx', target: 'Offer', method: 'findAll', count: 1 }),
    });
    const result = await cli('-v', ...args, '--fields', 'id', '--ndjson');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(attempt);
  });
});

describe('report totals', () => {
  it('labels the totals row', async () => {
    const result = await cli(
      'report',
      'stats',
      '--fields',
      'Stat.offer_id,Stat.clicks',
      '--groups',
      'Stat.offer_id',
      '--totals',
      '--csv',
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const clicks = lines.slice(1, -1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect(lines.at(-1)).toBe(`total,${clicks}`);
  });

  it('labels totals when the first field is a metric', async () => {
    const fields = ['--fields', 'Stat.clicks', '--groups', 'Stat.offer_id', '--totals'];
    const csv = await cli('report', 'stats', ...fields, '--csv');
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('row,Stat.clicks');
    const clicks = lines.slice(1, -1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect(lines.slice(1, -1).every((line) => line.startsWith(','))).toBe(true);
    expect(lines.at(-1)).toBe(`total,${clicks}`);
    const table = await cli('report', 'stats', ...fields);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^total\\s+${clicks}$`));
  });
});

describe('whoami', () => {
  it('names the network', async () => {
    const result = await cli('whoami', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      networkId: server.emulator.networkId,
      endpoint: server.emulator.url,
      credentials: 'accepted',
    });
  });
});

describe('token secrecy', () => {
  it('never prints the token', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const output of outputs) {
      expect(output.stdout).not.toContain(server.emulator.networkToken);
      expect(output.stderr).not.toContain(server.emulator.networkToken);
    }
  });
});
