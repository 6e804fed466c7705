import { inspect } from 'node:util';

import { abortErrorFor, HasOffersError, NetworkError, UsageError } from './core/errors.js';
import { toPlain } from './core/json.js';
import type { JsonValue } from './core/json.js';
import { ClientLog } from './core/log.js';
import type { Logger } from './core/log.js';
import type { FilePart } from './core/multipart.js';
import { resolveOptions } from './core/options.js';
import type { HasOffersOptions, ResolvedOptions } from './core/options.js';
import { executeCall } from './core/pipeline.js';
import type { CallSettings } from './core/pipeline.js';
import { redact, REDACTED } from './core/redact.js';
import { LimiterRegistry } from './core/throttle.js';
import type { SlidingWindowLimiter } from './core/throttle.js';
import { checkCatalogueNames, checkParamNames } from './core/validate.js';
import { createRawLogs } from './rawlogs/index.js';
import type { RawLogs } from './rawlogs/index.js';
import { Transport, TransportFailure } from './core/transport.js';
import { AdvertiserResource } from './resources/advertisers.js';
import { AffiliateUserResource } from './resources/affiliate-users.js';
import { AffiliateResource } from './resources/affiliates.js';
import { ConversionResource } from './resources/conversions.js';
import { CountryResource } from './resources/countries.js';
import { GoalResource } from './resources/goals.js';
import { OfferCategoryResource } from './resources/offer-categories.js';
import { OfferFileResource } from './resources/offer-files.js';
import { OfferResource } from './resources/offers.js';
import type { ResourceContext } from './resources/resource.js';
import { ReportResource } from './resources/reports.js';
import { TagResource } from './resources/tags.js';

/** Options of `client.call()`. */
export interface CallOptions {
  /** Return objects as `Map`s that keep the server's key order. @default false */
  readonly ordered?: boolean;
  /**
   * Send the call without checking the Target, Method and parameter names against the bundled
   * API catalogue, for methods the live API has but the catalogue lacks. @default false
   */
  readonly unchecked?: boolean;
}

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Console destination used when the caller gives no logger: warnings and errors only.
const CONSOLE_WARNINGS: Logger = {
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

/** Client of the HasOffers Network API v3. */
export class HasOffers {
  readonly advertisers: AdvertiserResource;
  readonly affiliates: AffiliateResource;
  readonly affiliateUsers: AffiliateUserResource;
  readonly conversions: ConversionResource;
  readonly countries: CountryResource;
  readonly goals: GoalResource;
  readonly offers: OfferResource;
  readonly offerCategories: OfferCategoryResource;
  readonly offerFiles: OfferFileResource;
  readonly reports: ReportResource;
  readonly tags: TagResource;
  /** Raw click, conversion and impression logs; download links are cached per client. */
  readonly rawLogs: RawLogs;

  readonly #input: HasOffersOptions;
  readonly #options: ResolvedOptions;
  #settings: CallSettings;
  #limiters = new LimiterRegistry();
  readonly #transport: Transport;

  /** Throws UsageError for missing or invalid options before anything is sent. */
  constructor(options: HasOffersOptions = {}) {
    this.#input = { ...options };
    this.#options = resolveOptions(this.#input, process.env);
    const secrets = [this.#options.networkToken];
    const redactText = (text: string): string => redact(text, secrets);
    const log = new ClientLog(
      this.#options.logger ?? CONSOLE_WARNINGS,
      this.#options.logLevel,
      redactText,
    );
    this.#transport = new Transport({
      rejectUnauthorized: this.#options.rejectUnauthorized,
      ...(this.#options.fetch === undefined ? {} : { fetch: this.#options.fetch }),
    });
    if (!this.#options.rejectUnauthorized) {
      log.warn(
        'TLS certificate verification is off (rejectUnauthorized: false); use this only for testing.',
      );
    }
    this.#settings = {
      ...this.#options,
      limiter: this.#limiterFor(this.#options),
      transport: this.#transport,
      log,
      redact: redactText,
    };

    const context: ResourceContext = {
      client: this,
      send: (target, method, params, upload) => this.#send(target, method, params, upload),
    };
    this.advertisers = new AdvertiserResource(context);
    this.affiliates = new AffiliateResource(context);
    this.affiliateUsers = new AffiliateUserResource(context);
    this.conversions = new ConversionResource(context);
    this.countries = new CountryResource(context);
    this.goals = new GoalResource(context);
    this.offers = new OfferResource(context);
    this.offerCategories = new OfferCategoryResource(context);
    this.offerFiles = new OfferFileResource(context);
    this.reports = new ReportResource(context);
    this.tags = new TagResource(context);
    this.rawLogs = createRawLogs({
      call: async (target, method, params) => toPlain(await this.#send(target, method, params)),
      download: (url, signal) => this.download(url, signal),
    });
  }

  /** Returns a new client with these options changed; this client is left as it is. */
  withOptions(options: HasOffersOptions): HasOffers {
    const copy = new HasOffers({ ...this.#input, ...options });
    // The copy counts against the same rate limit as this client when it sends to the same network.
    copy.#limiters = this.#limiters;
    copy.#settings = { ...copy.#settings, limiter: copy.#limiterFor(copy.#options) };
    return copy;
  }

  #limiterFor(options: ResolvedOptions): SlidingWindowLimiter | undefined {
    if (options.rateLimit === false) return undefined;
    return this.#limiters.forNetwork(options.endpoint, options.networkId);
  }

  /**
   * Sends any Target/Method with raw parameters and returns the envelope's `data` as plain values.
   * Plain objects put integer-like keys first in ascending order, so id-keyed results lose the
   * server's order. With `{ ordered: true }` every object comes back as a `Map` in server order.
   * Write such values as JSON text with `stringifyOrdered`.
   */
  async call(
    target: string,
    method: string,
    params?: Readonly<Record<string, unknown>>,
  ): Promise<unknown>;
  async call(
    target: string,
    method: string,
    params: Readonly<Record<string, unknown>>,
    options: { readonly ordered: true },
  ): Promise<JsonValue>;
  async call(
    target: string,
    method: string,
    params: Readonly<Record<string, unknown>>,
    options: CallOptions,
  ): Promise<unknown>;
  async call(
    target: string,
    method: string,
    params: Readonly<Record<string, unknown>> = {},
    options: CallOptions = {},
  ): Promise<unknown> {
    checkName(target, 'target');
    checkName(method, 'method');
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new UsageError(
        `Parameters of ${target}.${method} must be a plain object, got ${JSON.stringify(params)}.`,
      );
    }
    if (typeof options !== 'object' || options === null) {
      throw new UsageError(
        `Options of ${target}.${method} must be an object such as { ordered: true }, got ${JSON.stringify(options)}.`,
      );
    }
    for (const key of Object.keys(params)) checkName(key, 'parameter name');
    const unchecked = options.unchecked === true;
    if (!unchecked) checkCatalogueNames(target, method);
    const data = await this.#send(target, method, params, undefined, unchecked);
    return options.ordered === true ? data : toPlain(data);
  }

  /** Masks this client's token in `text`; use it on anything written to logs or files. */
  redact(text: string): string {
    return this.#settings.redact(text);
  }

  /** Closes the keep-alive connections. Calls made afterwards open new ones. */
  close(): Promise<void> {
    return this.#transport.close();
  }

  // The endpoint is masked too, because callers sometimes paste a URL that carries the token.
  toJSON(): Record<string, unknown> {
    return {
      networkId: this.#options.networkId,
      networkToken: REDACTED,
      endpoint: this.redact(this.#options.endpoint),
    };
  }

  [inspect.custom](): string {
    return `HasOffers { networkId: '${this.#options.networkId}', endpoint: '${this.redact(this.#options.endpoint)}', networkToken: '${REDACTED}' }`;
  }

  async #send(
    target: string,
    method: string,
    params: Readonly<Record<string, unknown>>,
    upload?: FilePart,
    unchecked = false,
  ): Promise<JsonValue> {
    if (!unchecked) checkParamNames(target, method, params);
    const request =
      upload === undefined ? { target, method, params } : { target, method, params, upload };
    return executeCall(this.#settings, request);
  }

  /** Opens a download link without credentials; used for raw log archives. */
  async download(url: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>> {
    let response: { status: number; body: AsyncIterable<Uint8Array> };
    const activeSignal = signal ?? this.#options.signal;
    try {
      response = await this.#transport.open(url, activeSignal);
    } catch (error) {
      if (activeSignal?.aborted === true && error === activeSignal.reason) {
        throw abortErrorFor(activeSignal, `Download from ${hostOf(url)}`);
      }
      if (error instanceof TransportFailure) {
        const code = error.code ?? 'connection error';
        const message = `Download failed: could not reach ${hostOf(url)} (${code}). Check the network connection and try again.`;
        throw new NetworkError(message);
      }
      throw error;
    }
    if (response.status < 200 || response.status >= 300) {
      throw new HasOffersError(
        `Download from ${hostOf(url)} failed with HTTP ${response.status}. Download links expire (after 8 hours, per the API documentation); request a new one.`,
        { httpStatus: response.status },
      );
    }
    return response.body;
  }
}

function checkName(name: string, kind: string): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new UsageError(
      `Invalid ${kind} ${JSON.stringify(name)}. Use the API's name, such as Offer or findAll.`,
    );
  }
}

// Download links can carry signatures in the query, so messages show only the host.
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the download host';
  }
}
