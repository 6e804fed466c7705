import { describe, expect, it } from 'vitest';

import { createProgress } from '../../src/cli/progress.js';

// A terminal cannot exist in a test run, so this stream only claims to be one.
function terminal(isTTY: boolean): {
  isTTY: boolean;
  columns: number;
  text: string;
  write(chunk: string): boolean;
} {
  return {
    isTTY,
    columns: 120,
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe('createProgress', () => {
  it('draws a bar on a terminal', () => {
    const stream = terminal(true);
    const progress = createProgress(stream, false);
    progress.start(10, 'records');
    progress.increment(4);
    progress.stop();
    expect(stream.text).toContain('records');
    expect(stream.text).toContain('ETA');
  });

  it('stays silent off a terminal', () => {
    const stream = terminal(false);
    const progress = createProgress(stream, false);
    progress.start(10, 'records');
    progress.increment(4);
    progress.stop();
    expect(stream.text).toBe('');
  });

  it('stays silent with --quiet', () => {
    const stream = terminal(true);
    const progress = createProgress(stream, true);
    progress.start(10, 'records');
    progress.stop();
    expect(stream.text).toBe('');
  });
});
