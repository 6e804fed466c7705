import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HasOffers } from '../../src/client.js';
import { redact } from '../../src/core/redact.js';
import {
  errorBody,
  okBody,
  RATE_LIMIT_BODY,
  scriptClient,
  startScriptServer,
  TEST_TOKEN,
} from './script-server.js';
import type { Reply, ScriptServer } from './script-server.js';

const ECHO_WITH_TOKEN = `{"request":{"NetworkToken":"${TEST_TOKEN}"},"response":{"status":-1,"data":"","errors":[{"publicMessage":"Bad token ${TEST_TOKEN}"}]}}`;

let reply: (index: number) => Reply = () => ({ body: okBody('true') });
let server: ScriptServer;
beforeAll(async () => {
  server = await startScriptServer((_request, index) => reply(index));
});
afterAll(() => server.close());

function collectingClient(options: ConstructorParameters<typeof HasOffers>[0] = {}) {
  const lines: string[] = [];
  const logger = {
    debug: (line: string) => lines.push(line),
    info: (line: string) => lines.push(line),
    warn: (line: string) => lines.push(line),
    error: (line: string) => lines.push(line),
  };
  return { lines, client: scriptClient(server, { logger, logLevel: 'debug', ...options }) };
}

describe('redact', () => {
  it('masks raw, encoded and echoed forms', () => {
    const token = 'NET a+b/c"d';
    const text = `x ${token} ${encodeURIComponent(token)} NetworkToken=whatever&x=1 {"NetworkToken":"other"}`;
    const result = redact(text, [token]);
    expect(result).toBe('x *** *** NetworkToken=***&x=1 {"NetworkToken":"***"}');
  });
});

describe('token never leaks', () => {
  it('debug log lines', async () => {
    reply = (index) => (index % 2 === 0 ? { body: RATE_LIMIT_BODY } : { body: okBody('true') });
    const { lines, client } = collectingClient({ maxRetries: 1 });
    await client.call('Offer', 'findAll');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(
      /^tsoffers \[[0-9a-f]{8}\] Offer\.findAll attempt 1\/2: HTTP 200 in \d+ ms, RateLimitError, retry in \d+ ms$/,
    );
    expect(lines.join('\n')).not.toContain(TEST_TOKEN);
  });

  it('error message, stack and inspect output', async () => {
    reply = () => ({ body: ECHO_WITH_TOKEN });
    const { lines, client } = collectingClient({ maxRetries: 0 });
    const error = await client.call('Offer', 'findAll').then(
      () => new Error('the call succeeded'),
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(Error);
    for (const text of [
      error.message,
      error.stack ?? '',
      inspect(error, { depth: 5 }),
      lines.join('\n'),
    ]) {
      expect(text).not.toContain(TEST_TOKEN);
    }
  });

  it('network errors and their causes', async () => {
    const closed = await startScriptServer(() => ({ body: okBody('true') }));
    const endpoint = `${closed.endpoint}?NetworkToken=${TEST_TOKEN}`;
    await closed.close();
    const client = new HasOffers({
      networkId: 'demo',
      networkToken: TEST_TOKEN,
      endpoint,
      maxRetries: 0,
      logger: {},
    });
    const error = await client.call('Offer', 'findAll').then(
      () => new Error('the call succeeded'),
      (caught: unknown) => caught as Error,
    );
    expect(error.name).toBe('NetworkError');
    expect(inspect(error, { depth: 5 })).not.toContain(TEST_TOKEN);
    expect(error.message).not.toContain(TEST_TOKEN);
  });

  it('inspect and JSON of the client', () => {
    const { client } = collectingClient();
    expect(inspect(client)).not.toContain(TEST_TOKEN);
    expect(inspect(client)).toContain("networkId: 'demo'");
    expect(JSON.stringify(client)).not.toContain(TEST_TOKEN);
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({
      networkId: 'demo',
      networkToken: '***',
    });
    expect(inspect(client.offers, { depth: 4 })).not.toContain(TEST_TOKEN);
  });

  it('endpoint that carries the token', () => {
    const endpoint = `${server.endpoint}?NetworkToken=${TEST_TOKEN}`;
    const client = scriptClient(server, { endpoint });
    expect(inspect(client)).not.toContain(TEST_TOKEN);
    expect(JSON.stringify(client)).not.toContain(TEST_TOKEN);
    const invalid = `127.0.0.1/Apiv3/json?NetworkToken=${TEST_TOKEN}`;
    expect(() => scriptClient(server, { endpoint: invalid })).toThrow(/Invalid endpoint/);
    expect(() => scriptClient(server, { endpoint: invalid })).not.toThrow(TEST_TOKEN);
    const ftp = `ftp://x/?token=${TEST_TOKEN}`;
    expect(() => scriptClient(server, { endpoint: ftp })).toThrow(/protocol must be https/);
    expect(() => scriptClient(server, { endpoint: ftp })).not.toThrow(TEST_TOKEN);
  });

  it('unknown-outcome errors down the cause chain', async () => {
    reply = () => 'reset';
    const { client, lines } = collectingClient({ maxRetries: 2 });
    const error = await client.call('Offer', 'create', { data: { name: TEST_TOKEN } }).then(
      () => new Error('the call succeeded'),
      (caught: unknown) => caught as Error,
    );
    expect(error.name).toBe('UnknownOutcomeError');
    expect(inspect(error, { depth: 10 })).not.toContain(TEST_TOKEN);
    expect(String(error.stack)).not.toContain(TEST_TOKEN);
    expect(lines.join('\n')).not.toContain(TEST_TOKEN);
  });

  it('files written through client.redact', () => {
    const { client } = collectingClient();
    const directory = mkdtempSync(join(tmpdir(), 'tsoffers-redact-'));
    try {
      const path = join(directory, 'call.log');
      writeFileSync(
        path,
        client.redact(
          `GET /Apiv3/json?NetworkToken=${encodeURIComponent(TEST_TOKEN)} ${TEST_TOKEN}`,
        ),
      );
      expect(readFileSync(path, 'utf8')).toBe('GET /Apiv3/json?NetworkToken=*** ***');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('server error text in messages', async () => {
    reply = () => ({ body: errorBody(`[{"publicMessage":"token ${TEST_TOKEN} is wrong"}]`) });
    const { client } = collectingClient({ maxRetries: 0 });
    const error = await client.call('Offer', 'findAll').then(
      () => new Error('the call succeeded'),
      (caught: unknown) => caught as Error,
    );
    expect(error.message).not.toContain(TEST_TOKEN);
  });
});
