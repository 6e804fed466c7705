import { describe, expect, it } from 'vitest';
import { LinkSigner } from '../../src/emulator/raw-logs/links.js';

function parts(query: string): { expires: string; signature: string } {
  const search = new URLSearchParams(query);
  return { expires: search.get('Expires') ?? '', signature: search.get('Signature') ?? '' };
}

describe('download link signer', () => {
  it('keeps a short-lived link valid at issue', () => {
    const signer = new LinkSigner('secret', 500);
    // 100 ms into a second: rounding the expiry down would land it before the issue time.
    const issuedAt = 1_700_000_000_100;
    const { expires, signature } = parts(signer.sign('/f.zip', issuedAt));
    expect(signer.verify('/f.zip', expires, signature, issuedAt)).toBeUndefined();
  });

  it('never outlives its lifetime by a second or more', () => {
    const signer = new LinkSigner('secret', 500);
    const issuedAt = 1_700_000_000_100;
    const { expires, signature } = parts(signer.sign('/f.zip', issuedAt));
    expect(signer.verify('/f.zip', expires, signature, issuedAt + 1_500)).toBe('Expired');
  });

  it('rejects a link for another path', () => {
    const signer = new LinkSigner('secret', 60_000);
    const { expires, signature } = parts(signer.sign('/f.zip', 0));
    expect(signer.verify('/g.zip', expires, signature, 0)).toBe('SignatureDoesNotMatch');
  });
});
