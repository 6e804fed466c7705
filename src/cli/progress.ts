import cliProgress from 'cli-progress';

import type { TextStream } from './io.js';

/** A progress display; every method is a no-op when progress is off. */
export interface Progress {
  start(total: number, unit: string): void;
  setTotal(total: number): void;
  increment(step?: number, detail?: string): void;
  stop(): void;
}

const SILENT: Progress = {
  start: () => undefined,
  setTotal: () => undefined,
  increment: () => undefined,
  stop: () => undefined,
};

/**
 * Creates a progress bar on stderr, or a silent one when stderr is not a terminal or `--quiet`
 * is set, so that logs and pipes never receive control codes.
 */
export function createProgress(stderr: TextStream, quiet: boolean): Progress {
  if (quiet || stderr.isTTY !== true) return SILENT;

  let startedAt = 0;
  let done = 0;
  let unitName = '';
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: '{bar} {value}/{total} {unit} | {rate}/s | ETA {eta_formatted} {detail}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );

  const rate = (): string => {
    const seconds = (Date.now() - startedAt) / 1000;
    return seconds > 0 ? (done / seconds).toFixed(1) : '0';
  };

  return {
    start(total, unit) {
      startedAt = Date.now();
      unitName = unit;
      bar.start(total, 0, { unit, rate: '0', detail: '' });
    },
    setTotal(total) {
      bar.setTotal(total);
    },
    increment(step = 1, detail = '') {
      done += step;
      bar.increment(step, { unit: unitName, rate: rate(), detail });
    },
    stop() {
      bar.stop();
    },
  };
}
