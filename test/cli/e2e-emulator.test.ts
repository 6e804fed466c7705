import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { runCli, startCli } from './support/run-cli.js';

describe('emulator command', () => {
  it('serves until SIGINT, then stops cleanly', async () => {
    const running = startCli(['emulator', '--port', '0', '--seed', '5', '--no-rate-limit']);
    const [, url] = await running.waitForOutput(/emulator listening on (\S+)\n/);
    const [, token] = await running.waitForOutput(/HASOFFERS_NETWORK_TOKEN=(\S+)\n/);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Apiv3\/json$/);

    const whoami = await runCli(['whoami', '--json'], {
      env: {
        HASOFFERS_ENDPOINT: url,
        HASOFFERS_NETWORK_ID: 'demo',
        HASOFFERS_NETWORK_TOKEN: token,
      },
    });
    expect(whoami.code).toBe(0);

    running.child.kill('SIGINT');
    const result = await running.finished;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('emulator stopped');
  });

  it('rejects a bad port', async () => {
    const result = await runCli(['emulator', '--port', '70000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: invalid --port '70000': expected 0 to 65535");
  });

  it('explains a port in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const result = await runCli(['emulator', '--port', String(port)]);
      expect(result.stderr).toBe(
        `error: port ${port} on 127.0.0.1 is already in use: pass --port 0 to pick a free port, or another --port\n`,
      );
      expect(result.code).toBe(2);
    } finally {
      busy.close();
    }
  });

  it('rejects a bad --rate-limit', async () => {
    const result = await runCli(['emulator', '--port', '0', '--rate-limit', '50']);
    expect(result.stderr).toContain("error: invalid --rate-limit '50': expected CALLS/SECONDS");
    expect(result.code).toBe(2);
  });

  it('applies --rate-limit', async () => {
    const running = startCli(['emulator', '--port', '0', '--rate-limit', '2/60']);
    const [, url] = await running.waitForOutput(/emulator listening on (\S+)\n/);
    const [, token] = await running.waitForOutput(/HASOFFERS_NETWORK_TOKEN=(\S+)\n/);
    const env = {
      HASOFFERS_ENDPOINT: url,
      HASOFFERS_NETWORK_ID: 'demo',
      HASOFFERS_NETWORK_TOKEN: token,
    };
    const codes: Array<number | null> = [];
    for (let call = 0; call < 3; call += 1) {
      const result = await runCli(['--retries', '0', 'offers', 'get', '1', '--json'], { env });
      codes.push(result.code);
    }
    running.child.kill('SIGINT');
    await running.finished;
    expect(codes).toEqual([0, 0, 5]);
  });
});
