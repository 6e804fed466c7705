/** Maximum number of requests per sliding window, as the API's rate limit counts them. */
export interface RateLimit {
  readonly calls: number;
  readonly windowMs: number;
}

/** The documented HasOffers limit: 50 calls per 10 seconds per network. */
export const DEFAULT_RATE_LIMIT: RateLimit = { calls: 50, windowMs: 10_000 };

/** Ends a request's hold on its slot; call it once the response or failure arrived. */
export type ReleaseSlot = () => void;

interface Waiter {
  readonly limit: RateLimit;
  readonly grant: (release: ReleaseSlot) => void;
}

/**
 * Sliding-window limiter for one network. The server counts a request when it arrives, which the
 * client cannot see, only that it lies between sending and the response. So a request holds its
 * slot while in flight and for a full window after its response: then no window of the server's
 * clock can contain more than `calls` arrivals, whatever the network delay.
 */
export class SlidingWindowLimiter {
  #inFlight = 0;
  /** Completion times (performance.now()) still inside the longest window seen, oldest first. */
  readonly #completions: number[] = [];
  readonly #waiters: Waiter[] = [];
  #longestWindowMs = 0;
  #timer: NodeJS.Timeout | undefined;

  /** Waits for a free slot, first come first served, or rejects with the signal's reason. */
  acquire(limit: RateLimit, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    this.#longestWindowMs = Math.max(this.#longestWindowMs, limit.windowMs);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(signal?.reason as Error);
        this.#admit();
      };
      const waiter: Waiter = {
        limit,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#admit();
    });
  }

  #admit(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = performance.now();
    this.#forgetBefore(now - this.#longestWindowMs);
    for (let head = this.#waiters[0]; head !== undefined; head = this.#waiters[0]) {
      if (this.#used(head.limit, now) >= head.limit.calls) {
        this.#wakeWhenFree(head.limit, now);
        return;
      }
      this.#waiters.shift();
      this.#inFlight++;
      head.grant(this.#releaseOnce());
    }
  }

  #used(limit: RateLimit, now: number): number {
    const since = now - limit.windowMs;
    return this.#inFlight + this.#completions.filter((time) => time > since).length;
  }

  // Only the passing of time frees a slot: a completion starts its window rather than ending it.
  #wakeWhenFree(limit: RateLimit, now: number): void {
    const oldest = this.#completions.find((time) => time > now - limit.windowMs);
    if (oldest === undefined) return;
    this.#timer = setTimeout(() => this.#admit(), Math.max(1, oldest + limit.windowMs - now));
  }

  #releaseOnce(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#completions.push(performance.now());
      this.#admit();
    };
  }

  #forgetBefore(time: number): void {
    while (this.#completions.length > 0 && (this.#completions[0] ?? Infinity) <= time) {
      this.#completions.shift();
    }
  }
}

/** Limiters by network (endpoint and network id), shared by a client and its copies. */
export class LimiterRegistry {
  readonly #limiters = new Map<string, SlidingWindowLimiter>();

  forNetwork(endpoint: string, networkId: string): SlidingWindowLimiter {
    const key = `${networkId} ${endpoint}`;
    let limiter = this.#limiters.get(key);
    if (limiter === undefined) {
      limiter = new SlidingWindowLimiter();
      this.#limiters.set(key, limiter);
    }
    return limiter;
  }
}
