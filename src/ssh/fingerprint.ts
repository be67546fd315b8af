/** Public key blobs (the SSH wire format) and their fingerprints, printed the way OpenSSH does. */
import { createHash } from 'node:crypto';

/** `SHA256:` + unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` prints it. */
export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a blob starts with (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, …). */
export function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const len = blob.readUInt32BE(0);
  if (len === 0 || len > 64 || blob.length < 4 + len) return undefined;
  return blob.subarray(4, 4 + len).toString('latin1');
}

/** The short name OpenSSH prints after a fingerprint: ED25519, ECDSA, RSA, DSA. */
export function keyTypeLabel(type: string): string {
  if (type === 'ssh-ed25519') return 'ED25519';
  if (type.startsWith('ecdsa-sha2-')) return 'ECDSA';
  if (type === 'ssh-rsa') return 'RSA';
  if (type === 'ssh-dss') return 'DSA';
  return type;
}

/** `ED25519 SHA256:…`: what error messages show of a key. */
export function describeKey(blob: Buffer): string {
  return `${keyTypeLabel(blobKeyType(blob) ?? 'unknown')} ${fingerprintSha256(blob)}`;
}
