import type { Command } from 'commander';

import type { HasOffers } from '../index.js';
import type { ConnectOptions } from './connect.js';
import type { CliIo } from './io.js';
import type { OutputFormat } from './output/format.js';
import { chooseFormat } from './output/format.js';
import type { Progress } from './progress.js';
import { createProgress } from './progress.js';
import type { ConnectionFlags } from './settings.js';

/** Flags defined on the root command and accepted by every subcommand. */
export interface GlobalFlags extends ConnectionFlags {
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Streams, flags, output format and client access, shared by every command. */
export interface CommandContext {
  readonly io: CliIo;
  globals(command: Command): GlobalFlags;
  format(command: Command): OutputFormat;
  progress(command: Command): Progress;
  /** Resolves the connection settings and returns a client; nothing is sent yet. */
  connect(command: Command, options?: ConnectOptions): Promise<HasOffers>;
  /** Prints a message for people on stderr unless `--quiet` is set. */
  note(command: Command, message: string): void;
  /** Adds a secret that must be masked in everything printed from now on. */
  protect(secret: string): void;
  /** Closes the keep-alive connections of every client this context created. */
  closeClients(): Promise<void>;
}

/** Creates the context shared by every command; `protect` records secrets to redact. */
export function createContext(io: CliIo, protect: (secret: string) => void): CommandContext {
  const globals = (command: Command): GlobalFlags => command.optsWithGlobals<GlobalFlags>();
  const clients: HasOffers[] = [];
  return {
    io,
    globals,
    format: (command) => chooseFormat(globals(command)),
    progress: (command) => createProgress(io.stderr, globals(command).quiet === true),
    async connect(command, options) {
      // Loaded on demand so that commands which never call the API start without the client.
      const { connectClient } = await import('./connect.js');
      const client = await connectClient(globals(command), io, protect, options);
      clients.push(client);
      return client;
    },
    note(command, message) {
      if (globals(command).quiet !== true) io.stderr.write(`${message}\n`);
    },
    protect,
    async closeClients() {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  };
}
