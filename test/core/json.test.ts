import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseOrderedJson, toPlain } from '../../src/core/json.js';
import { readEnvelope } from '../../src/core/envelope.js';

describe('parseOrderedJson', () => {
  it('keeps integer-like keys in server order', () => {
    const value = parseOrderedJson('{"100": {"a": 1}, "1": {"a": 2}, "b": 3, "2": 4}');
    expect(value).toBeInstanceOf(Map);
    expect([...(value as Map<string, unknown>).keys()]).toEqual(['100', '1', 'b', '2']);
  });

  it('decodes escapes, numbers and literals', () => {
    const value = parseOrderedJson(
      '{"u":"campa\\u00f1a","s":"http:\\/\\/x","n":-62169966000,"f":0.12,"e":1e3,"t":true,"z":null,"a":[]}',
    );
    expect(toPlain(value)).toEqual({
      u: 'campaña',
      s: 'http://x',
      n: -62169966000,
      f: 0.12,
      e: 1000,
      t: true,
      z: null,
      a: [],
    });
  });

  it('agrees with JSON.parse on any JSON text', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(toPlain(parseOrderedJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a __proto__ key as data', () => {
    const text = '{"__proto__":{"polluted":"yes"},"id":"1"}';
    const plain = toPlain(parseOrderedJson(text)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__', 'id']);
    expect(plain).toEqual(JSON.parse(text));
    expect((plain as { polluted?: string }).polluted).toBeUndefined();
  });

  it('rejects truncated and invalid text', () => {
    expect(() => parseOrderedJson('{"response":{"status":1,"data":{"1":')).toThrow(SyntaxError);
    expect(() => parseOrderedJson('{"a":1} x')).toThrow(/after the JSON value/);
    expect(() => parseOrderedJson('<html>')).toThrow(SyntaxError);
    expect(() => parseOrderedJson('"a\nb"')).toThrow(/control character/);
  });
});

describe('readEnvelope', () => {
  it('returns data of a success', () => {
    const outcome = readEnvelope('{"response":{"status":1,"data":{"9":1,"3":2},"errors":[]}}');
    expect(outcome.kind).toBe('data');
    expect(outcome.kind === 'data' && [...(outcome.data as Map<string, unknown>).keys()]).toEqual([
      '9',
      '3',
    ]);
  });

  it('reads every error shape', () => {
    const arrayWithCodes = readEnvelope(
      '{"response":{"status":-1,"data":"","errors":[{"err_code":3,"err_msg":"Bad.","attribute_name":"x","publicMessage":"Could not."}]}}',
    );
    expect(arrayWithCodes).toEqual({
      kind: 'server-error',
      errors: [{ err_code: 3, err_msg: 'Bad.', attribute_name: 'x', publicMessage: 'Could not.' }],
    });
    const objectShape = readEnvelope(
      '{"response":{"errors":{"publicMessage":"Network id is not valid"},"link":"x"}}',
    );
    expect(objectShape).toEqual({
      kind: 'server-error',
      errors: [{ publicMessage: 'Network id is not valid' }],
    });
    const onlyMessage = readEnvelope(
      '{"response":{"status":-1,"data":"","errors":[],"errorMessage":"Broken"}}',
    );
    expect(onlyMessage).toEqual({ kind: 'server-error', errors: [{ publicMessage: 'Broken' }] });
  });

  it('marks bodies that are not the envelope', () => {
    const html = readEnvelope('<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(html).toMatchObject({ kind: 'unreadable', excerpt: '502 Bad Gateway' });
    expect(readEnvelope('{"response":{"status":1,"da')).toMatchObject({ kind: 'unreadable' });
    expect(readEnvelope('{"other":1}')).toMatchObject({
      kind: 'unreadable',
      reason: 'JSON that has no "response" object',
    });
  });
});
