import { FaultInjector } from './faults.js';
import { RateLimiter } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { seedStore } from './seed.js';
import { Store } from './store.js';
import type { ResolvedOptions } from './options.js';

/** The mutable parts of a running emulator; `reset` returns them to the seeded start. */
export class EmulatorState {
  store: Store;
  readonly limiter: RateLimiter | undefined;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;

  constructor(readonly options: ResolvedOptions) {
    this.store = this.seed();
    this.limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit);
    this.faults = new FaultInjector(options.seed);
    this.faults.add(options.faults);
    this.requests = new RequestLog(options.maxLoggedRequests);
  }

  reset(): void {
    this.store = this.seed();
    this.limiter?.reset();
    this.faults.clear();
    this.faults.add(this.options.faults);
    this.requests.clear();
  }

  private seed(): Store {
    const store = new Store();
    seedStore(store, {
      seed: this.options.seed,
      size: this.options.dataset,
      today: this.options.today,
    });
    return store;
  }
}
