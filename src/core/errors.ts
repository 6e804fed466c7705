/** One error entry as the server sends it inside `response.errors`. */
export interface ServerError {
  readonly err_code?: number | string;
  readonly err_msg?: string;
  readonly attribute_name?: string;
  readonly publicMessage?: string;
}

export interface ErrorDetails {
  readonly target?: string;
  readonly method?: string;
  readonly serverMessage?: string;
  readonly errors?: readonly ServerError[];
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly attempts?: number;
  readonly cause?: unknown;
}

/** Base class of every error the client raises. */
export class HasOffersError extends Error {
  readonly target: string | undefined;
  readonly method: string | undefined;
  /** The server's own error text, one entry per line, when the server sent one. */
  readonly serverMessage: string | undefined;
  readonly errors: readonly ServerError[];
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  /** Number of requests sent for this call, including retries. */
  readonly attempts: number | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.target = details.target;
    this.method = details.method;
    this.serverMessage = details.serverMessage;
    this.errors = details.errors ?? [];
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
  }
}

/** The server rejected the network id or token. */
export class AuthenticationError extends HasOffersError {}
/** The server reported that a record the call refers to does not exist. */
export class NotFoundError extends HasOffersError {}
/** The server rejected one or more field values; see `errors[].attribute_name`. */
export class ValidationError extends HasOffersError {}
/** The network's API rate limit was still exceeded after every allowed retry. */
export class RateLimitError extends HasOffersError {}
/** The connection failed or broke before a complete response arrived. */
export class NetworkError extends HasOffersError {}
/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends HasOffersError {}
/** A write may or may not have been applied; the client did not send it again. */
export class UnknownOutcomeError extends HasOffersError {}
/** The caller passed invalid input; nothing was sent. */
export class UsageError extends HasOffersError {}
/** A response, downloaded archive or CSV file does not have the shape the API documents. */
export class FormatError extends HasOffersError {}
/**
 * The caller's AbortSignal stopped the call; `cause` is the signal's reason. Its `name` is
 * `AbortError`, like the DOMException that fetch raises.
 */
export class AbortError extends HasOffersError {}

/** Wraps the reason of an aborted signal, naming what was stopped, such as `Offer.findAll`. */
export function abortErrorFor(
  signal: AbortSignal,
  operation: string,
  details: ErrorDetails = {},
): AbortError {
  const reason: unknown = signal.reason;
  const text = reason instanceof Error ? reason.message : String(reason);
  return new AbortError(`${operation} was aborted by the caller's signal: ${text}`, {
    ...details,
    cause: reason,
  });
}
