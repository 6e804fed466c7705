import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decodeCsvRecords, unzipCsvMember } from '../../src/rawlogs/index.js';
import {
  collect,
  splitAt,
  toCsv,
  toRecords,
  zipWithDataDescriptors,
  zipWithSizes,
} from './helpers.js';

// Full Unicode text plus the characters CSV quoting has to survive.
const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.stringMatching(/^[",\r\n a]{0,8}$/),
);

const table = fc
  .integer({ min: 1, max: 6 })
  .chain((columns) =>
    fc.tuple(
      fc.uniqueArray(cell, { minLength: columns, maxLength: columns }),
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 12 }),
    ),
  );

describe('CSV in ZIP round trip', () => {
  it('reads back any table whatever the chunk split', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('stored', 'deflated'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        async ([header, rows], lineEnd, method, descriptors, cutSeeds) => {
          // The reader drops a leading byte order mark, so no first column name may start with one.
          fc.pre(!(header[0] ?? '').startsWith('\uFEFF'));
          const rowsWithHeader = [header, ...rows];
          const csv = toCsv(rowsWithHeader, lineEnd);
          const build = descriptors ? zipWithDataDescriptors : zipWithSizes;
          const zip = build({ 'log.csv': csv }, method);
          const cuts = cutSeeds.map((seed) => seed % (zip.length + 1));

          const records = await collect(decodeCsvRecords(unzipCsvMember(splitAt(zip, cuts))));

          expect(records).toEqual(toRecords(rowsWithHeader));
        },
      ),
      { numRuns: 300 },
    );
  });
});
