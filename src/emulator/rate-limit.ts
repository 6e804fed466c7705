/** Calls allowed per window for one network. */
export interface RateLimitOptions {
  calls: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { calls: 50, windowMs: 10_000 };

/**
 * Counts calls per network over a rolling window. Every call counts, rejected ones included, so
 * the 51st call inside a 50-call window reports "Your usage: 51".
 * NOTE: the service does not document whether its window is rolling or fixed, or whether rejected
 * calls count. This choice is a guess that matches the one recorded reply.
 */
export class RateLimiter {
  private readonly times: number[] = [];
  private head = 0;

  constructor(private readonly options: RateLimitOptions) {}

  /** Records a call and returns the usage in the window, or undefined when it is allowed. */
  take(now: number): number | undefined {
    while (
      this.head < this.times.length &&
      (this.times[this.head] ?? 0) <= now - this.options.windowMs
    ) {
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    this.times.push(now);
    const usage = this.times.length - this.head;
    return usage > this.options.calls ? usage : undefined;
  }

  reset(): void {
    this.times.length = 0;
    this.head = 0;
  }
}

/** Builds the service's rate-limit text, with two spaces after each full stop. */
export function rateLimitMessage(options: RateLimitOptions, usage: number): string {
  const seconds = Math.round(options.windowMs / 1000);
  return (
    `API usage exceeded rate limit.  Configured: ${options.calls}/${seconds}s window; ` +
    `Your usage: ${usage}.  See https://help.tune.com/hasoffers/rate-limit-error/ for guidance.`
  );
}
