import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs download paths with an expiry, like a pre-signed storage URL. */
export class LinkSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {}

  /**
   * Returns `?Expires=<unix seconds>&Signature=<hex>` for a path. The expiry is rounded up to the
   * next second, so a lifetime under one second never yields a link that is already expired.
   */
  sign(path: string, nowMs: number): string {
    const expires = Math.ceil((nowMs + this.ttlMs) / 1000);
    return `?Expires=${expires}&Signature=${this.signature(path, expires)}`;
  }

  /** Checks a signed path; returns why it is refused, or undefined when it is valid. */
  verify(path: string, expires: string | undefined, signature: string | undefined, nowMs: number) {
    if (expires === undefined || signature === undefined || !/^\d+$/.test(expires)) {
      return 'AccessDenied' as const;
    }
    const expected = Buffer.from(this.signature(path, Number(expires)));
    const received = Buffer.from(signature);
    if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
      return 'SignatureDoesNotMatch' as const;
    }
    return nowMs >= Number(expires) * 1000 ? ('Expired' as const) : undefined;
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('hex');
  }
}

/** Builds the XML error body that a storage host sends with HTTP 403 or 404. */
export function storageErrorXml(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<RequestId>${requestId}</RequestId></Error>`
  );
}
