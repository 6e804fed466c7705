import { randomUUID } from 'node:crypto';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Destination for log lines; `console` fits. Missing methods drop that level. */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Levelled logger that masks secrets in every line before it reaches the destination. */
export class ClientLog {
  constructor(
    private readonly destination: Logger,
    private readonly minimumLevel: LogLevel,
    private readonly redactText: (text: string) => string,
  ) {}

  enabled(level: LogLevel): boolean {
    return LEVEL_ORDER[level] >= LEVEL_ORDER[this.minimumLevel];
  }

  debug(message: string): void {
    this.write('debug', message);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  private write(level: LogLevel, message: string): void {
    if (!this.enabled(level)) return;
    this.destination[level]?.call(this.destination, `tsoffers ${this.redactText(message)}`);
  }
}

/** Short random id that ties together the log lines and the error of one call. */
export function newRequestId(): string {
  return randomUUID().slice(0, 8);
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in LEVEL_ORDER;
}
