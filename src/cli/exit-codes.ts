/**
 * Process exit codes of the `tsoffers` command. Scripts may rely on these values, so they only
 * ever gain new entries.
 *
 * | code | meaning                                                             |
 * | ---- | ------------------------------------------------------------------- |
 * | 0    | success                                                             |
 * | 1    | any other failure (server error, unexpected response, bug)          |
 * | 2    | usage error: bad flag, argument or configuration (nothing is sent), |
 * |      | or field values that the server rejected                            |
 * | 3    | authentication failed (bad network id or token)                     |
 * | 4    | not found                                                           |
 * | 5    | rate limited, retries exhausted                                     |
 * | 6    | network failure or timeout, including writes with unknown outcome   |
 * | 7    | partial failure: some items of a batch succeeded, others failed     |
 * | 130  | interrupted by Ctrl-C (SIGINT) or SIGTERM before the work finished  |
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  authentication: 3,
  notFound: 4,
  rateLimited: 5,
  network: 6,
  partialFailure: 7,
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
