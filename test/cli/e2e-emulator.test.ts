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
});
