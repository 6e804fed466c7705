/** Client for the HasOffers (TUNE) Network API v3. */
export { HasOffers } from './client.js';
export type { CallOptions } from './client.js';
export { stringifyOrdered } from './core/json.js';
export type { JsonObject, JsonValue } from './core/json.js';
export type { HasOffersOptions } from './core/options.js';
export type { RateLimit } from './core/throttle.js';
export type { Logger, LogLevel } from './core/log.js';
export type { FetchFunction, FetchInit, FetchResponse } from './core/transport.js';

export {
  AbortError,
  AuthenticationError,
  FormatError,
  HasOffersError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UnknownOutcomeError,
  UsageError,
  ValidationError,
} from './core/errors.js';
export type { ServerError } from './core/errors.js';

export { FILTER_OPERATORS, FilterCondition, or, OrGroup, where } from './filters.js';
export type {
  FieldFilter,
  FilterObject,
  FilterOperator,
  Filters,
  FilterScalar,
  Sort,
} from './filters.js';
export { REPORT_CONDITIONALS } from './resources/report-filters.js';
export type {
  ReportCondition,
  ReportConditional,
  ReportFilters,
} from './resources/report-filters.js';

export type { Page } from './pagination.js';
export type {
  FindAllOptions,
  FindByIdOptions,
  IterateOptions,
  RecordData,
  RecordId,
} from './resources/options.js';
export type { TrackingLinkOptions } from './resources/offers.js';
export type { UploadOptions, UploadSource } from './resources/offer-files.js';
export type { ReportOptions, ReportPage } from './resources/reports.js';

export { Model } from './models/model.js';
export type { Contained, Fields } from './models/model.js';
export { Advertiser } from './models/advertiser.js';
export { Affiliate, AffiliateOffer, AffiliateUser } from './models/affiliate.js';
export { Offer } from './models/offer.js';
export { Conversion, Country, Goal, OfferCategory, OfferFile } from './models/records.js';
export { Tag, TagRelation } from './models/tag.js';
export type { TagRelationFields } from './models/tag.js';
export type * from './generated/models.js';
export { RelatedList } from './models/related.js';
export type { LogRecord, RawLogs, RawLogType } from './rawlogs/index.js';
