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
