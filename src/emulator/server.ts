import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { adminRoutes } from './admin.js';
import { apiRoute } from './api-route.js';
import { baseHandlers } from './dispatch.js';
import { resolveOptions } from './options.js';
import { DOWNLOAD_PREFIX, RawLogService } from './raw-logs/service.js';
import { EmulatorState } from './state.js';
import { trackingRoutes } from './tracking.js';
import type { HttpBindings } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { NetworkInfo } from './context.js';
import type { EmulatorOptions } from './options.js';
import type { IdRanges } from './raw-logs/rows.js';

/** A running emulator. */
export interface Emulator {
  /** The API endpoint, `http://<host>:<port>/Apiv3/json`. */
  url: string;
  /** `http://<host>:<port>`, also the base of the admin routes and download links. */
  origin: string;
  networkId: string;
  networkToken: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Starts an emulator of the HasOffers Network API v3 on loopback unless `host` sets another address. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const state = new EmulatorState(resolved);
  const network: NetworkInfo = { networkId: resolved.networkId, origin: '' };
  const app = buildApp(state, network);
  // A larger header limit lets long URLs reach the 414 check instead of Node's own 431 reply.
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: { maxHeaderSize: 64 * 1024 },
  }) as Server;
  await listen(server, resolved.port, resolved.host);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  network.origin = `http://${host}:${address.port}`;
  resolved.log('info', `listening on ${network.origin}/Apiv3/json (network ${resolved.networkId})`);
  return {
    url: `${network.origin}/Apiv3/json`,
    origin: network.origin,
    networkId: resolved.networkId,
    networkToken: resolved.networkToken,
    close: async () => {
      await close(server);
      resolved.log('info', `stopped ${network.origin}`);
    },
  };
}

function buildApp(state: EmulatorState, network: NetworkInfo): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  const rawLogs = new RawLogService(
    {
      seed: state.options.seed,
      today: state.options.today,
      linkTtlMs: state.options.linkTtlMs,
      ...state.options.rawLogs,
    },
    network,
    seededIdRanges(state),
  );
  const handlers = { ...baseHandlers(), RawLog: rawLogs.handlers() };
  const api = apiRoute(state, network, handlers);
  app.on(['GET', 'POST', 'PUT'], '/Apiv3/json', api);
  app.route('/__admin', adminRoutes(state));
  app.route('/', trackingRoutes(state));
  app.get(`${DOWNLOAD_PREFIX}/*`, (c) => rawLogs.download(new URL(c.req.url)));
  app.get('/__files/:id/:name', (c) => {
    const file = state.store.files.get(c.req.param('id'));
    if (file === undefined) return c.text('File not found.', 404);
    return new Response(file.bytes, { headers: { 'Content-Type': file.contentType } });
  });
  // Only the path is logged, because the query string carries the network token.
  app.onError((error, c) => {
    const path = new URL(c.req.url).pathname;
    state.options.log('error', `unhandled error on ${c.req.method} ${path}: ${error.stack}`);
    return c.text('Internal Server Error', 500);
  });
  return app;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Id ranges of the seeded records, fixed at start so log contents never depend on later writes. */
function seededIdRanges(state: EmulatorState): IdRanges {
  return {
    offers: state.store.table('Offer').rows.size,
    affiliates: state.store.table('Affiliate').rows.size,
    advertisers: state.store.table('Advertiser').rows.size,
  };
}
