import { Unzip, UnzipInflate } from 'fflate';
import type { UnzipFile } from 'fflate';

import { FormatError } from '../core/errors.js';

const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
// The end record sits within its fixed size plus a comment of at most 65535 bytes of the end.
const TAIL_WINDOW = END_OF_CENTRAL_DIRECTORY_SIZE + 0xffff;

function isCsvMember(name: string): boolean {
  return name.toLowerCase().endsWith('.csv');
}

/** Keeps the last TAIL_WINDOW bytes of a stream without copying every chunk. */
class TailWindow {
  private chunks: Uint8Array[] = [];
  private length = 0;

  add(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= TAIL_WINDOW) {
      this.length -= this.chunks.shift()!.length;
    }
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks, this.length);
  }
}

function hasEndOfCentralDirectory(tail: Uint8Array): boolean {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - END_OF_CENTRAL_DIRECTORY_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY_SIGNATURE) {
      continue;
    }
    const commentLength = view.getUint16(at + 20, true);
    if (at + END_OF_CENTRAL_DIRECTORY_SIZE + commentLength === tail.length) {
      return true;
    }
  }
  return false;
}

/** Collects the output of fflate's push-driven Unzip so an async generator can yield it. */
class CsvMemberCollector {
  readonly output: Uint8Array[] = [];
  memberName: string | undefined;
  memberComplete = false;
  failure: Error | undefined;

  readonly onFile = (file: UnzipFile): void => {
    if (this.memberName === undefined && isCsvMember(file.name)) {
      this.memberName = file.name;
      file.ondata = (error, data, final) => {
        if (error !== null) {
          this.fail(error, file.name);
          return;
        }
        if (data.length > 0) {
          this.output.push(data);
        }
        this.memberComplete ||= final;
      };
    } else {
      // Other members are decoded and dropped, because an unstarted member is buffered by fflate.
      file.ondata = (error) => {
        if (error !== null) {
          this.fail(error, file.name);
        }
      };
    }
    file.start();
  };

  fail(error: Error, memberName: string): void {
    this.failure ??= new FormatError(
      `Failed to decompress ZIP member ${JSON.stringify(memberName)}: ${error.message}. ` +
        'The download is corrupt; fetch it again.',
      { cause: error },
    );
  }

  takeOutput(): Uint8Array[] {
    if (this.failure !== undefined) {
      throw this.failure;
    }
    return this.output.splice(0);
  }
}

function pushToUnzip(unzip: Unzip, chunk: Uint8Array, final: boolean, source: string): void {
  try {
    unzip.push(chunk, final);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError(
      `Invalid or truncated ZIP archive ${source}: ${reason}. Fetch the file again.`,
      { cause: error },
    );
  }
}

/**
 * Streams the decompressed bytes of the first `.csv` member of a ZIP archive.
 *
 * Reads local headers as they arrive, so memory stays flat whatever the archive size. Stored and
 * deflated members are supported, with or without data descriptors.
 *
 * NOTE: CRC-32 checksums are not verified. A member written with a data descriptor is ended by
 * the first descriptor signature in its data, which a deflated member can contain by chance.
 */
export async function* unzipCsvMember(
  archive: AsyncIterable<Uint8Array>,
  source = 'download',
): AsyncGenerator<Uint8Array, void, undefined> {
  const collector = new CsvMemberCollector();
  const unzip = new Unzip(collector.onFile);
  unzip.register(UnzipInflate);
  const tail = new TailWindow();

  for await (const chunk of archive) {
    tail.add(chunk);
    pushToUnzip(unzip, chunk, false, source);
    yield* collector.takeOutput();
  }
  pushToUnzip(unzip, new Uint8Array(0), true, source);
  yield* collector.takeOutput();

  if (collector.memberName === undefined) {
    throw new FormatError(
      `ZIP archive ${source} has no CSV member: a raw log archive contains one .csv file.`,
    );
  }
  if (!collector.memberComplete || !hasEndOfCentralDirectory(tail.bytes())) {
    throw new FormatError(
      `ZIP archive ${source} is truncated: it ends before its central directory. ` +
        'Fetch the file again.',
    );
  }
}
