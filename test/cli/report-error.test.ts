import { describe, expect, it } from 'vitest';

import { CliUsageError, PartialFailureError } from '../../src/cli/cli-error.js';
import { redactingStream } from '../../src/cli/io.js';
import { exitCodeFor, formatError } from '../../src/cli/report-error.js';

function clientError(name: string, message = 'failed'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('exitCodeFor', () => {
  it.each([
    ['UsageError', 2],
    ['ValidationError', 2],
    ['AuthenticationError', 3],
    ['NotFoundError', 4],
    ['RateLimitError', 5],
    ['NetworkError', 6],
    ['TimeoutError', 6],
    ['UnknownOutcomeError', 6],
    ['HasOffersError', 1],
    ['TypeError', 1],
  ])('maps %s to %d', (name, code) => {
    expect(exitCodeFor(clientError(name))).toBe(code);
  });

  it('uses the code of CLI errors', () => {
    expect(exitCodeFor(new CliUsageError('bad'))).toBe(2);
    expect(exitCodeFor(new PartialFailureError('some failed'))).toBe(7);
  });
});

describe('formatError', () => {
  it('adds field errors and a hint', () => {
    const error = Object.assign(clientError('ValidationError', 'Offer.create failed'), {
      errors: [{ attribute_name: 'offer_url', err_msg: 'Offer_url cannot be blank.' }],
    });
    expect(formatError(error)).toBe(
      'error: Offer.create failed\n  offer_url: Offer_url cannot be blank.\n',
    );
    expect(formatError(clientError('TimeoutError', 'timed out'))).toBe(
      'error: timed out\nhint: run the command again, or allow more time with --timeout MS\n',
    );
  });
});

describe('client wording', () => {
  it.each([
    ['page is 2 but limit is missing. Pass limit (the page size) with page.', '--limit'],
    ['send fewer calls or raise maxRetries.', 'raise --retries.'],
    ['Check networkId (HASOFFERS_NETWORK_ID)', 'Check --network-id (HASOFFERS_NETWORK_ID)'],
    ['check the endpoint option (HASOFFERS_ENDPOINT).', 'check --endpoint (HASOFFERS_ENDPOINT).'],
  ])('rewrites %j', (message, expected) => {
    expect(formatError(clientError('HasOffersError', message))).toContain(expected);
  });

  it('keeps CLI messages as written', () => {
    expect(formatError(new CliUsageError('maxRetries'))).toBe('error: maxRetries\n');
  });
});

describe('redactingStream', () => {
  it('masks every secret', () => {
    let written = '';
    const stream = redactingStream({ write: (text: string) => (written += text) }, () => [
      'NETsecret',
    ]);
    stream.write('token NETsecret and NETsecret again\n');
    expect(written).toBe('token **** and **** again\n');
  });
});
