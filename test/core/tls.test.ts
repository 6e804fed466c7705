import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HasOffers } from '../../src/client.js';
import { NetworkError } from '../../src/core/errors.js';
import { okBody } from './script-server.js';

let server: Server;
let endpoint: string;
let requests = 0;

// A self-signed certificate made with the openssl command line, valid for 127.0.0.1 only.
beforeAll(async () => {
  const directory = mkdtempSync(join(tmpdir(), 'tsoffers-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(directory, 'key.pem'),
        '-out',
        join(directory, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(join(directory, 'key.pem'));
    const cert = readFileSync(join(directory, 'cert.pem'));
    server = createServer({ key, cert }, (_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(okBody('true'));
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/Apiv3/json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('TLS verification', () => {
  it('rejects a self-signed certificate once', async () => {
    const client = new HasOffers({
      networkId: 'demo',
      networkToken: 'NETx',
      endpoint,
      maxRetries: 3,
      logger: {},
    });
    const before = requests;
    const error = await client.call('Offer', 'create', { data: { name: 'x' } }).then(
      () => new Error('the call succeeded'),
      (caught: unknown) => caught as Error,
    );
    await client.close();
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('TLS certificate verification');
    expect(error.message).toContain('rejectUnauthorized: false');
    expect((error as NetworkError).attempts).toBe(1);
    expect(requests).toBe(before);
  });

  it('rejectUnauthorized false connects and warns', async () => {
    const warnings: string[] = [];
    const client = new HasOffers({
      networkId: 'demo',
      networkToken: 'NETx',
      endpoint,
      rejectUnauthorized: false,
      logger: { warn: (line) => warnings.push(line) },
    });
    expect(await client.call('Offer', 'findAll')).toBe(true);
    await client.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TLS certificate verification is off');
  });
});
