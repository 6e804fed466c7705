/**
 * Client advice rewritten in command-line terms. The client names its own options (`maxRetries`,
 * `limit`), which a command-line user sets through flags, so every client message passes through
 * here before it is printed.
 */
const CLIENT_TO_CLI: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bPass limit \(the page size\) with page\./g, 'Pass --limit (the page size) with --page.'],
  [/\braise maxRetries\b/g, 'raise --retries'],
  [/\bnetworkId \(HASOFFERS_NETWORK_ID\)/g, '--network-id (HASOFFERS_NETWORK_ID)'],
  [/\bnetworkToken \(HASOFFERS_NETWORK_TOKEN\)/g, 'the network token (HASOFFERS_NETWORK_TOKEN)'],
  [/\bthe endpoint option \(HASOFFERS_ENDPOINT\)/g, '--endpoint (HASOFFERS_ENDPOINT)'],
  [/\bsee serverMessage for the server text\b/g, 'the server text is above'],
  [/\btimeoutMs\b/g, '--timeout'],
];

/** Rewrites client option names in a message into the flags that set them. */
export function toCliWording(message: string): string {
  let text = message;
  for (const [pattern, replacement] of CLIENT_TO_CLI) text = text.replace(pattern, replacement);
  return text;
}
