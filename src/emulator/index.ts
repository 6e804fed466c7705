/** Local emulator of the HasOffers Network API v3, for tests, demos and benchmarks. */
export { startEmulator } from './server.js';
export type { Emulator } from './server.js';
export type { EmulatorLog, EmulatorOptions } from './options.js';
export type { FaultKind, FaultRule } from './faults.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { DatasetSize } from './seed.js';
