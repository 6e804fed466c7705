import { ApiError } from './envelope.js';
import { isCatalogueMethod } from './catalogue.js';
import {
  advertiserHandlers,
  affiliateHandlers,
  affiliateUserHandlers,
  conversionHandlers,
  goalHandlers,
} from './handlers/accounts.js';
import { applicationHandlers } from './handlers/application.js';
import { offerHandlers } from './handlers/offer.js';
import { offerFileHandlers } from './handlers/offer-file.js';
import { reportHandlers } from './handlers/report.js';
import { tagHandlers } from './handlers/tag.js';
import type { Handler, HandlerTable } from './context.js';

/** Handlers by Target, then by Method. RawLog is added per server, because its links need the origin. */
export function baseHandlers(): Record<string, HandlerTable> {
  return {
    Offer: offerHandlers,
    Advertiser: advertiserHandlers,
    Affiliate: affiliateHandlers,
    AffiliateUser: affiliateUserHandlers,
    Conversion: conversionHandlers,
    Goal: goalHandlers,
    OfferFile: offerFileHandlers,
    Tag: tagHandlers,
    Application: applicationHandlers,
    Report: reportHandlers,
  };
}

/**
 * Finds the handler for a call.
 * NOTE: the service's text for an unknown Target or Method was never recorded; these messages
 * are the emulator's own.
 */
export function resolveHandler(
  handlers: Record<string, HandlerTable>,
  target: string,
  method: string,
): Handler {
  if (target === '') throw ApiError.message('Missing required argument "Target".');
  if (method === '') throw ApiError.message('Missing required argument "Method".');
  const handler = Object.hasOwn(handlers, target) ? handlers[target]?.[method] : undefined;
  if (handler !== undefined && Object.hasOwn(handlers[target] ?? {}, method)) return handler;
  if (isCatalogueMethod(target, method)) {
    throw ApiError.message(
      `Method ${target}::${method} is not available in the emulator. ` +
        'It exists in the HasOffers API, but the emulator does not implement it.',
    );
  }
  throw ApiError.message(`Method ${target}::${method} does not exist.`);
}
