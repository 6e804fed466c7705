/** Text put in place of a secret wherever one would be shown. */
export const REDACTED = '***';

/**
 * Masks every secret in `text`: the raw value, its percent-encoded and JSON-escaped forms, and any
 * `NetworkToken` value in a URL or JSON echo. Every log line, error message, inspect output and
 * exported file passes through this function. The CLI profile written by `tsoffers login` is the
 * one file that stores the token, on purpose, with mode 0600.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
    .replace(/(NetworkToken=)[^&\s"']*/g, `$1${REDACTED}`)
    .replace(/("NetworkToken"\s*:\s*")(?:[^"\\]|\\.)*"/g, `$1${REDACTED}"`);
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of secretForms(secret)) {
      result = result.split(form).join(REDACTED);
    }
  }
  return result;
}

function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms].filter((form) => form.length > 0);
}
