import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { runCli } from './support/run-cli.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});

afterAll(async () => {
  await server.emulator.close();
});

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  return new Promise((resolve) => {
    const http = createServer(handler);
    http.listen(0, '127.0.0.1', () => resolve(http));
  });
}

function urlOf(http: Server): string {
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/Apiv3/json`;
}

describe('usage errors', () => {
  it.each([
    [
      ['offers', 'list', '--where', 'status'],
      "error: invalid --where 'status': expected field=value",
    ],
    [
      ['offers', 'list', '--where', 'stauts=active'],
      "error: unknown field 'stauts' in --where for Offer (closest: status)",
    ],
    [['offers', 'list', '--sort', '--id'], "error: invalid --sort '--id'"],
    [
      ['offers', 'list', '--limit', 'ten'],
      "error: invalid --limit 'ten': expected a positive whole number",
    ],
    [
      ['offers', 'list', '--contain', 'Contry'],
      "error: unknown --contain 'Contry' for Offer (closest: Country)",
    ],
    [['offers', 'list', '--bogus'], "error: unknown option '--bogus'"],
    [['offers', 'get', 'abc'], "error: invalid offer id 'abc': expected a positive whole number"],
    [['offers', 'list', '--json', '--csv'], 'error: conflicting output flags --json and --csv'],
    [['call', 'Ofer', 'findAll'], "error: unknown target 'Ofer' (closest: Offer)"],
    [['call', 'Offer', 'findAl'], 'error: unknown method Offer.findAl (closest: findAll'],
    [['call', 'Offer', 'create'], "error: missing required parameter 'data'"],
    [
      ['call', 'Offer', 'findAll', 'limit=abc'],
      "error: invalid limit 'abc' for Offer.findAll: expected a whole number such as 12 (integer parameter)",
    ],
    [
      ['call', 'Offer', 'findAll', 'limit=5', 'page=2.5'],
      "error: invalid page '2.5' for Offer.findAll: expected a whole number such as 12",
    ],
    [
      ['call', 'Offer', 'create', 'data.name=X', 'return_object=yes'],
      "error: invalid return_object 'yes' for Offer.create: expected 0, 1, true or false (boolean parameter)",
    ],
    [
      ['call', 'Advertiser', 'findAllByIds', 'ids[]=4', 'ids[]=four'],
      "error: invalid ids 'four' for Advertiser.findAllByIds: expected a whole number such as 12",
    ],
    [
      ['affiliates', 'create', 'compnay=X'],
      "error: unknown field 'compnay' for Affiliate (closest: company)",
    ],
    [
      ['report', 'stats', '--groups', 'Stat.ofer_id'],
      "error: invalid --groups 'Stat.ofer_id' for Report.getStats (closest: Stat.offer_id",
    ],
    [
      ['report', 'stats', '--from', '2024-02-30'],
      "error: invalid --from '2024-02-30': expected a date as YYYY-MM-DD",
    ],
    [
      ['rawlogs', 'export', '--type', 'clicks'],
      "error: required option '-o, --out <dir>' not specified",
    ],
    [
      ['rawlogs', 'list', '--type', 'views'],
      "error: option '-t, --type <type>' argument 'views' is invalid",
    ],
    [['nosuchcommand'], "error: unknown command 'nosuchcommand'"],
    [
      ['offers', 'list', '--page', '2'],
      'error: --page 2 needs --limit, the page size: pass e.g. --page 2 --limit 50',
    ],
    [
      ['offers', 'update', '1', 'status'],
      "error: invalid parameter 'status': expected key=value, e.g. status=paused\n",
    ],
    [
      ['call', 'Offer'],
      "error: missing method for Offer: use tsoffers call Target method key=value…, or 'tsoffers call Offer --list' to browse",
    ],
  ])('%j exits 2 before sending', async (args, message) => {
    const before = await server.requestCount();
    const result = await runCli(args, { env: server.env });
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(await server.requestCount()).toBe(before);
  });

  it('reports missing credentials', async () => {
    const result = await runCli(['offers', 'list'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: missing network id');
  });
});

describe('server errors', () => {
  it('exits 3 for a wrong token without echoing it', async () => {
    const token = 'NETwrongtoken12345678';
    const result = await runCli(['offers', 'list'], {
      env: { ...server.env, HASOFFERS_NETWORK_TOKEN: token },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toContain('hint: check the network id and token');
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('exits 3 for a wrong network id', async () => {
    const result = await runCli(['whoami'], {
      env: { ...server.env, HASOFFERS_NETWORK_ID: 'other' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error: ');
  });

  it('never shows a token passed with --token', async () => {
    const token = 'NETflagtoken987654321';
    const result = await runCli(['--token', token, 'whoami'], {
      env: { ...server.env, HASOFFERS_NETWORK_TOKEN: undefined },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('warning: --token leaves the token in shell history');
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('exits 5 when the rate limit persists', async () => {
    const limited = await startTestEmulator({ rateLimit: { calls: 1, windowMs: 60_000 } });
    try {
      const first = await runCli(['offers', 'list', '--limit', '1'], { env: limited.env });
      expect(first.code).toBe(0);
      const second = await runCli(['--retries', '0', 'offers', 'list', '--limit', '1'], {
        env: limited.env,
      });
      expect(second.code).toBe(5);
      expect(second.stderr).toContain('API usage exceeded rate limit');
      expect(second.stderr).toContain('hint: the network allows about 50 calls per 10 seconds');
      expect(second.stderr).toContain('raise --retries');
      expect(second.stderr).not.toContain('maxRetries');
    } finally {
      await limited.emulator.close();
    }
  });

  it('exits 6 when the connection is refused', async () => {
    const http = await listen(() => undefined);
    const endpoint = urlOf(http);
    await new Promise((resolve) => http.close(resolve));
    const result = await runCli(['--retries', '0', 'offers', 'list'], {
      env: { ...server.env, HASOFFERS_ENDPOINT: endpoint },
    });
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^error: /);
  });

  it('exits 6 when the server does not answer in time', async () => {
    const http = await listen(() => undefined);
    try {
      const result = await runCli(['--retries', '0', '--timeout', '300', 'offers', 'list'], {
        env: { ...server.env, HASOFFERS_ENDPOINT: urlOf(http) },
      });
      expect(result.code).toBe(6);
      expect(result.stderr).toContain(
        'hint: run the command again, or allow more time with --timeout',
      );
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it('exits 2 for a rejected record, sent once', async () => {
    const before = await server.requestCount();
    const result = await runCli(['offers', 'create', 'name=Incomplete offer'], { env: server.env });
    expect(result.code).toBe(2);
    expect(await server.requestCount()).toBe(before + 1);
    expect(result.stderr).toMatch(/^error: .*cannot be blank/s);
  });
});

describe('help', () => {
  it('shows examples and exit codes', async () => {
    const root = await runCli(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Exit codes:');
    expect(root.stdout).toContain('    5  rate limited after every retry');
    const list = await runCli(['offers', 'list', '--help']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("$ tsoffers offers list --where 'status=active'");
  });
});
