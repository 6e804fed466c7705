import { formatServerErrors } from './envelope.js';
import {
  AuthenticationError,
  HasOffersError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from './errors.js';
import type { ErrorDetails, ServerError } from './errors.js';

/**
 * Calls that may be sent again after a failure. `any`: the server reported that the call did not
 * run (rate limit, connection refused). `read`: the outcome is unknown, so only reads are safe to
 * repeat. `never`: repeating cannot help.
 */
export type RetryScope = 'any' | 'read' | 'never';

export interface ClassifiedFailure {
  readonly error: HasOffersError;
  readonly retry: RetryScope;
}

export interface CallContext {
  readonly target: string;
  readonly method: string;
  readonly requestId: string;
  readonly httpStatus?: number;
}

/** Text the API uses when a network's rate limit is exceeded (HTTP 200, status -1). */
export const RATE_LIMIT_TEXT = 'API usage exceeded rate limit';
/** Text Apache returns for request lines that are too long. */
export const URL_TOO_LONG_TEXT = "The requested URL's length exceeds the capacity limit";

const AUTHENTICATION_PATTERN =
  /network id is not valid|network ?token|api[ _]?key|not authori[sz]ed|unauthori[sz]ed|jwt is not valid|whitelist|allow-?list|permission denied|access denied/i;
const NOT_FOUND_PATTERN = /not found|does not exist|failed to hydrate rows|no such/i;
/**
 * Messages about a name the server does not know (a field, sort key, contain alias, Target or
 * Method), which
 * must be matched before NOT_FOUND_PATTERN because they share words like "no such".
 * NOTE: the live service's wording for these was never recorded. The pattern covers the
 * emulator's messages and common phrasings, so other wordings may still be reported differently.
 */
const UNKNOWN_NAME_PATTERN =
  /no such (field|column|method|target|controller)|has no such field|cannot be used in (filters|sort|fields)|method \S+ does not exist|unknown (field|column|method|target|controller)|(field|column|method|target|controller) [^.]*(does not exist|not found)|contain "?[^"\s]+"? is not valid/i;

const ADVICE = {
  authentication:
    'Check networkId (HASOFFERS_NETWORK_ID), networkToken (HASOFFERS_NETWORK_TOKEN) and that this IP address is on the network API allow-list.',
  notFound: 'Check that the ids passed to the call exist on this network.',
  validation: 'Correct the fields named above and send the call again.',
  unknownName:
    'The server does not know a name in this call: check the spelling of the Target, Method, filter, sort and field names.',
  rateLimit:
    'The network allows a fixed number of API calls per 10 seconds; send fewer calls or raise maxRetries.',
  other: 'The call was not applied; see serverMessage for the server text.',
  serverFailure:
    'The server or a proxy in front of it did not return a valid reply. Try again later; if it keeps failing, check the endpoint option (HASOFFERS_ENDPOINT).',
  badRequest: 'Check the endpoint option (HASOFFERS_ENDPOINT) and the parameters of the call.',
  wrongPath:
    'No API answers at this URL. Check the endpoint option (HASOFFERS_ENDPOINT); the API path ends in /Apiv3/json.',
} as const;

/** Picks the error class for an error envelope, from its text, codes and the HTTP status. */
export function classifyServerErrors(
  errors: readonly ServerError[],
  context: CallContext,
): ClassifiedFailure {
  const serverMessage = formatServerErrors(errors);
  const details: ErrorDetails = { ...context, serverMessage, errors };
  const build = (kind: keyof typeof ADVICE): string =>
    `${context.target}.${context.method} failed:\n${serverMessage}\n${ADVICE[kind]}`;

  if (serverMessage.includes(RATE_LIMIT_TEXT) || context.httpStatus === 429) {
    return { error: new RateLimitError(build('rateLimit'), details), retry: 'any' };
  }
  const status = context.httpStatus;
  if (status === 401 || status === 403 || AUTHENTICATION_PATTERN.test(serverMessage)) {
    return { error: new AuthenticationError(build('authentication'), details), retry: 'never' };
  }
  if (errors.some((entry) => entry.err_code !== undefined || entry.attribute_name !== undefined)) {
    return { error: new ValidationError(build('validation'), details), retry: 'never' };
  }
  if (UNKNOWN_NAME_PATTERN.test(serverMessage)) {
    return { error: new ValidationError(build('unknownName'), details), retry: 'never' };
  }
  if (status === 404 || NOT_FOUND_PATTERN.test(serverMessage)) {
    return { error: new NotFoundError(build('notFound'), details), retry: 'never' };
  }
  return { error: new HasOffersError(build('other'), details), retry: 'never' };
}

/**
 * Classifies a body that is not the API envelope: an HTML error page, a proxy message or
 * truncated JSON. Such a reply comes from something other than the API (a wrong path, a proxy),
 * so it is a NetworkError unless the status says more. The server may have applied the call, so
 * only reads are repeated. `endpoint` must already be redacted.
 */
export function classifyUnreadable(
  reason: string,
  excerpt: string,
  context: CallContext,
  endpoint: string,
): ClassifiedFailure {
  const status = context.httpStatus ?? 0;
  const shown = excerpt.length > 0 ? `\nResponse starts: ${excerpt}` : '';
  const message = `${context.target}.${context.method} failed: ${endpoint} answered HTTP ${status} with ${reason}.${shown}`;
  const details: ErrorDetails = { ...context, serverMessage: excerpt };
  if (status === 401 || status === 403) {
    return {
      error: new AuthenticationError(`${message}\n${ADVICE.authentication}`, details),
      retry: 'never',
    };
  }
  if (status === 429)
    return { error: new RateLimitError(`${message}\n${ADVICE.rateLimit}`, details), retry: 'any' };
  if (status === 404) {
    return { error: new NetworkError(`${message}\n${ADVICE.wrongPath}`, details), retry: 'never' };
  }
  const retryable = status >= 500 || (status >= 200 && status < 300) || status === 408;
  const advice = retryable ? ADVICE.serverFailure : ADVICE.badRequest;
  return {
    error: new NetworkError(`${message}\n${advice}`, details),
    retry: retryable ? 'read' : 'never',
  };
}
