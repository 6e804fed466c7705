import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  AuthenticationError,
  HasOffersError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '../../src/core/errors.js';
import {
  errorBody,
  okBody,
  RATE_LIMIT_BODY,
  scriptClient,
  startScriptServer,
  TEST_TOKEN,
} from './script-server.js';
import type { Reply, ScriptServer } from './script-server.js';

let reply: Reply = { body: okBody('true') };
let server: ScriptServer;

beforeAll(async () => {
  server = await startScriptServer(() => reply);
});
afterAll(() => server.close());

async function failureOf(next: Reply, method = 'findById'): Promise<HasOffersError> {
  reply = next;
  const client = scriptClient(server, { maxRetries: 0 });
  try {
    await client.call('Offer', method, { id: 1 });
  } catch (error) {
    return error as HasOffersError;
  }
  throw new Error('the call succeeded');
}

describe('error classification', () => {
  it('validation errors list code, message and field', async () => {
    const body = errorBody(
      '[{"err_code":3,"err_msg":"Account_manager_id is not valid.","attribute_name":"account_manager_id","publicMessage":"Could not update advertiser."},{"err_code":1,"err_msg":"Name cannot be blank.","attribute_name":"name"}]',
      'Could not update advertiser.',
    );
    const error = await failureOf({ body });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.serverMessage).toBe(
      'Error code 3: Could not update advertiser. Account_manager_id is not valid. (field: account_manager_id)\n' +
        'Error code 1: Name cannot be blank. (field: name)',
    );
    expect(error.message.startsWith('Offer.findById failed:\n')).toBe(true);
    expect(error.message).toContain('Correct the fields');
    expect(error.target).toBe('Offer');
    expect(error.method).toBe('findById');
    expect(error.errors).toHaveLength(2);
  });

  it('bad network id is an authentication error', async () => {
    const error = await failureOf({
      body: '{"response":{"errors":{"publicMessage":"Network id is not valid"},"link":"x"}}',
    });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.serverMessage).toBe('Network id is not valid');
  });

  it('HTTP 401 and 403 are authentication errors', async () => {
    expect(
      await failureOf({ status: 403, body: 'Forbidden', contentType: 'text/plain' }),
    ).toBeInstanceOf(AuthenticationError);
    expect(
      await failureOf({ status: 401, body: errorBody('[{"publicMessage":"No"}]') }),
    ).toBeInstanceOf(AuthenticationError);
  });

  it('unknown rows are not-found errors', async () => {
    const error = await failureOf({
      body: errorBody('[{"publicMessage":"Failed to hydrate rows: 21"}]'),
    });
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('other messages keep the base class', async () => {
    const error = await failureOf({ body: errorBody('[{"publicMessage":"Row id is negative"}]') });
    expect(error.constructor).toBe(HasOffersError);
    expect(error.serverMessage).toBe('Row id is negative');
  });

  it('rate limit after retries is RateLimitError', async () => {
    const error = await failureOf({ body: RATE_LIMIT_BODY });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.attempts).toBe(1);
  });

  it('HTML 5xx bodies are reported with an excerpt', async () => {
    const error = await failureOf({
      status: 502,
      body: '<html><h1>502 Bad Gateway</h1></html>',
      contentType: 'text/html',
    });
    expect(error).toBeInstanceOf(HasOffersError);
    expect(error.httpStatus).toBe(502);
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toContain('502 Bad Gateway');
  });

  it('HTTP 429 with an error envelope is a rate limit', async () => {
    const error = await failureOf({
      status: 429,
      body: errorBody('[{"publicMessage":"Too many requests"}]'),
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toContain('Too many requests');
  });

  it('server failures say what to do next', async () => {
    const error = await failureOf({ status: 503, body: 'Service Unavailable' });
    expect(error.message).toContain('HTTP 503');
    expect(error.message).toContain('Try again later');
  });

  it('error entries of unknown shape keep their text', async () => {
    const error = await failureOf({
      body: errorBody('[{"message":"Offer is locked","code":"E7"}]'),
    });
    expect(error.serverMessage).toBe('{"message":"Offer is locked","code":"E7"}');
    expect(error.message).toContain('Offer is locked');
  });

  it('non-JSON 404 points at the endpoint', async () => {
    const error = await failureOf({
      status: 404,
      body: '404 Not Found',
      contentType: 'text/plain',
    });
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    const endpoint = server.endpoint;
    expect(error.message).toContain(
      `Offer.findById failed: ${endpoint} answered HTTP 404 with a body that is not valid JSON.`,
    );
    expect(error.message).toContain('Response starts: 404 Not Found');
    expect(error.message).toContain('Check the endpoint option (HASOFFERS_ENDPOINT)');
    expect(error.message).not.toContain('position');
    expect(error.message).not.toContain(TEST_TOKEN);
    expect(error.httpStatus).toBe(404);
  });

  it('HTML 500 page is a network error', async () => {
    const error = await failureOf({
      status: 500,
      body: '<html><body>Internal Server Error</body></html>',
      contentType: 'text/html',
    });
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('answered HTTP 500 with a body that is not valid JSON');
  });

  it('truncated JSON is reported as invalid', async () => {
    const error = await failureOf({ body: '{"request":{},"response":{"status":1,"data":{"1":' });
    expect(error.message).toContain('not valid JSON');
    expect(error.httpStatus).toBe(200);
  });
});
