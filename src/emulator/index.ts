/**
 * Local emulator of the HasOffers Network API v3, for tests, demos and benchmarks.
 *
 * `startEmulator()` listens on 127.0.0.1 and serves the API at `<origin>/Apiv3/json` with seeded,
 * stateful data. Routes for tests live on the same origin:
 * - `POST /__admin/reset` restores the seeded state and clears logged requests and faults.
 * - `GET /__admin/requests` lists received calls with credentials masked (`DELETE` clears them).
 * - `GET|POST|DELETE /__admin/faults` lists, adds (a rule or a list of rules) and clears faults.
 * Tracking links from `Offer.generateTrackingLink` work too: `/aff_c` records a click and
 * redirects to the offer URL, `/aff_i` records an impression.
 */
export { startEmulator } from './server.js';
export type { Emulator } from './server.js';
export type { EmulatorLog, EmulatorOptions } from './options.js';
export type { FaultKind, FaultRule } from './faults.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { DatasetSize } from './seed.js';
