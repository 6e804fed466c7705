/** Method names that only read; everything else is treated as a write that must not repeat. */
const READ_METHOD_PATTERN = /^(find|get|list|validate)/;

export function isReadMethod(method: string): boolean {
  return READ_METHOD_PATTERN.test(method);
}

/** Upper bound for one wait between attempts, in milliseconds. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Returns the wait before retry number `retry` (1-based): exponential from `baseMs`, capped at
 * MAX_RETRY_DELAY_MS, with "equal jitter" so that clients sharing a rate limit spread out.
 */
export function retryDelay(
  retry: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** (retry - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Default of the retryDelayMs option; the rate-limit window wait is scaled relative to it. */
export const DEFAULT_RETRY_DELAY_MS = 1_000;

const WINDOW_UNITS_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Reads the window length from a rate-limit message such as `Configured: 50/10s window`, or
 * returns undefined when the message does not state it.
 */
export function serverWindowMs(message: string): number | undefined {
  const match = /Configured:\s*\d+\s*\/\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s+window/i.exec(message);
  if (match === null) return undefined;
  const unit = WINDOW_UNITS_MS[(match[2] ?? 's').toLowerCase()] ?? 1_000;
  return Number(match[1]) * unit;
}

/**
 * Returns the wait before retry number `retry` after a rate-limit reply: the server's whole
 * window, so the requests it counted have aged out, plus the usual jittered backoff. The window
 * part is scaled by `baseMs / DEFAULT_RETRY_DELAY_MS`, so a smaller retryDelayMs shortens it.
 */
export function rateLimitRetryDelay(
  retry: number,
  baseMs: number,
  windowMs: number,
  random: () => number = Math.random,
): number {
  const windowWait = Math.round((windowMs * baseMs) / DEFAULT_RETRY_DELAY_MS);
  return windowWait + retryDelay(retry, baseMs, random);
}

/** Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
