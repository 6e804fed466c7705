/**
 * Raised when a raw log argument is invalid, before any request is sent.
 * Its `name` is `UsageError`, matching the client's error for bad input.
 */
export class RawLogUsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Raised when the API, a downloaded archive or its CSV member does not have the expected shape,
 * for example a truncated ZIP or a ZIP without a CSV member.
 */
export class RawLogFormatError extends Error {
  override readonly name = 'RawLogFormatError';
}
