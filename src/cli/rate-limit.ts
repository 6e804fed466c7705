import type { RateLimit } from '../index.js';
import { CliUsageError } from './cli-error.js';

/**
 * Parses `CALLS/SECONDS`, such as `50/10`, into a rate limit. `source` names the flag or
 * environment variable in the error message, and `otherForms` lists further accepted values.
 */
export function parseRateLimit(source: string, value: string, otherForms = ''): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const calls = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (match === null || calls < 1 || seconds < 1) {
    throw new CliUsageError(
      `invalid ${source} '${value}': expected CALLS/SECONDS with whole numbers from 1, such as 50/10${otherForms}`,
    );
  }
  return { calls, windowMs: seconds * 1000 };
}

/** Parses the client's pace: `CALLS/SECONDS`, or `off` to send without waiting for the limit. */
export function parsePace(source: string, value: string): RateLimit | false {
  if (value.trim().toLowerCase() === 'off') return false;
  return parseRateLimit(source, value, ', or off');
}
