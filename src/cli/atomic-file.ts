import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A file written under a temporary name in the target directory and renamed into place by
 * `commit()`, so readers never see a half-written file. `abort()` deletes the temporary file.
 */
export class AtomicFile {
  readonly path: string;
  readonly temporaryPath: string;
  private readonly stream: WriteStream;
  private written = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    this.path = path;
    this.temporaryPath = join(
      dirname(path),
      `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`,
    );
    this.stream = createWriteStream(this.temporaryPath, { flags: 'wx', mode: 0o644 });
    // Kept, not thrown, so that an open or write failure surfaces at the next write or commit.
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.written;
  }

  /** Writes text, waiting when the stream's buffer is full so memory stays bounded. */
  async write(text: string): Promise<void> {
    this.throwIfFailed();
    this.written += Buffer.byteLength(text);
    if (!this.stream.write(text)) {
      await this.drained();
      this.throwIfFailed();
    }
  }

  /** Flushes, closes and renames the file to its final name. */
  async commit(): Promise<void> {
    this.throwIfFailed();
    await this.close();
    this.throwIfFailed();
    await rename(this.temporaryPath, this.path);
  }

  /** Closes and deletes the temporary file; the final path is left untouched. */
  async abort(): Promise<void> {
    await this.close();
    await rm(this.temporaryPath, { force: true });
  }

  // Resolves on 'drain', or on 'close' after a failure, and removes both listeners either way.
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  private async close(): Promise<void> {
    if (this.stream.closed) return;
    // A stream error makes `once` reject; the error is already kept in `failure`.
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.end();
    await closed;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) {
      throw new Error(`cannot write ${this.path}: ${this.failure.message}`, {
        cause: this.failure,
      });
    }
  }
}
