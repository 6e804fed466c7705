import type { CliIo } from './io.js';

/**
 * Reads a secret from standard input. On a terminal it prompts and hides the typed characters;
 * from a pipe it reads the first line, so `printenv TOKEN | tsoffers login` works.
 */
export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const input = io.stdin as NodeJS.ReadStream;
  if (input.isTTY === true && typeof input.setRawMode === 'function') {
    io.stderr.write(prompt);
    return readHidden(input, io);
  }
  return (await readFirstLine(input)).trim();
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function readHidden(input: NodeJS.ReadStream, io: CliIo): Promise<string> {
  return new Promise((resolve, reject) => {
    let secret = '';
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(secret.trim());
    };
    const onData = (chunk: Buffer): void => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new Error('cancelled by Ctrl-C'));
        if (character === '\u007f' || character === '\b') secret = secret.slice(0, -1);
        else secret += character;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
