/**
 * Keys for the test servers: a self-signed certificate (openssl) for an HTTPS GitLab or for the
 * registry's token signer, and JSON Web Tokens signed the way GitLab's JSONWebToken::RSAToken signs
 * the registry's tokens (RS256, `kid` = the libtrust key id of the public key, which Docker's
 * distribution looks up among the keys of its rootcertbundle).
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary } from './binaries.js';

export interface KeyPair {
  keyPath: string;
  certPath: string;
  key: string;
  cert: string;
}

/** A fresh RSA key and a self-signed certificate for `cn` (with DNS names, if given) in `dir`. */
export function selfSigned(dir: string, cn: string, dnsNames: string[] = []): KeyPair {
  needBinary('openssl', 'openssl (Debian package openssl)');
  const keyPath = join(dir, `${cn}.key`);
  const certPath = join(dir, `${cn}.crt`);
  const san =
    dnsNames.length > 0 ? ['-addext', `subjectAltName=${dnsNames.map((n) => `DNS:${n}`).join(',')}`] : [];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
      '-keyout',
      keyPath,
      '-out',
      certPath,
      ...san,
    ],
    { stdio: 'ignore' },
  );
  return { keyPath, certPath, key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** libtrust's key id: SHA-256 of the DER public key, first 30 bytes, base32, in groups of four. */
export function libtrustKeyId(cert: string): string {
  const der = createPublicKey(cert).export({ type: 'spki', format: 'der' });
  const s = base32(createHash('sha256').update(der).digest().subarray(0, 30));
  return s.match(/.{4}/g)!.join(':');
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** A signed JWT with these claims (plus iat/nbf/exp/jti), as GitLab issues for the registry. */
export function signJwt(pair: KeyPair, claims: Record<string, unknown>, ttlSeconds = 300): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', kid: libtrustKeyId(pair.cert) };
  const body = { ...claims, iat: now, nbf: now - 5, exp: now + ttlSeconds, jti: randomUUID() };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(body))}`;
  const sig = sign('sha256', Buffer.from(input), createPrivateKey(pair.key));
  return `${input}.${b64url(sig)}`;
}
