/** A writable text stream, such as `process.stdout` or a test buffer. */
export interface TextStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** The process surroundings a command runs in, injected so that tests can run it in-process. */
export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Returns the real process streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Wraps a stream so that every occurrence of the given secrets is replaced by `****` before it
 * is written. Commands write whole lines, so a secret is never split across two writes.
 */
export function redactingStream(stream: TextStream, secrets: () => readonly string[]): TextStream {
  return {
    write(text: string) {
      let safe = text;
      for (const secret of secrets()) {
        if (secret.length > 0) safe = safe.split(secret).join('****');
      }
      return stream.write(safe);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns ?? 80;
    },
  };
}
