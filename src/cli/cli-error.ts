import { ExitCode } from './exit-codes.js';

/** An error raised by the command line itself, carrying the exit code it ends the process with. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = ExitCode.failure) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Bad input caught before any request was sent: a flag, an argument or the configuration. */
export class CliUsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'CliUsageError';
  }
}

/** Some items of a batch failed while others succeeded. */
export class PartialFailureError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.partialFailure);
    this.name = 'PartialFailureError';
  }
}
