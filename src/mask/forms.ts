/**
 * The forms a tool is likely to print a secret in, each registered as a literal pattern of its own.
 * gitlab-runner masks only the exact bytes of a masked variable (doc/ci/variables/index.md, "Mask a
 * CI/CD variable"); we also mask:
 * - each line of a multi-line value, and the value with every run of white space in it matching any
 *   run of 1–64 white-space bytes (`whitespaceForm`, matched by a second automaton in masker.ts);
 * - base64 and base64url at the three byte offsets the secret can have inside a larger blob, trimmed
 *   of the characters that neighbouring unknown bytes also decide, plus the whole encodings of the
 *   value alone and of the value and a newline (`echo "$X" | base64`);
 * - base64 of `username:password` (docker's config.json `auth`);
 * - %-encoding as common tools print it (URL_ENCODERS: each keeps its own set of characters as they
 *   are, writes a space as `%20` or `+`), in upper- and lower-case hex;
 * - JSON string escaping (JSON.stringify without the quotes), with `\/` and with `\uXXXX` for
 *   non-ASCII as PHP and Python print it;
 * - shell quoting: the inside of `'...'\''...'` as `bash -x` prints an argument, the backslash
 *   form of `printf %q`, and the inside of `$'...'` both print for bytes the locale cannot print.
 * Forms shorter than MIN_FORM_BYTES are dropped: trimmed base64 of a short secret can be only a few
 * characters, and masking those would mask ordinary text.
 */
export const MIN_SECRET_BYTES = 4;
export const MIN_FORM_BYTES = 4;

/** app/models/concerns/ci/maskable.rb: values GitLab itself can mask (`raw`: masked raw variables). */
export function gitlabCouldMask(value: string, opts: { raw?: boolean } = {}): boolean {
  // JS `$` without the m flag is Ruby's \z (end of string, not before a final newline).
  return opts.raw === true ? /^\S{8,}$/.test(value) : /^[a-zA-Z0-9_+=/@:.~-]{8,}$/.test(value);
}

/** base64 of the secret preceded by `offset` unknown bytes, keeping only characters it alone decides. */
export function base64Inner(secret: Buffer, offset: 0 | 1 | 2, url = false): string {
  let padded = secret;
  if (offset > 0) {
    padded = Buffer.alloc(offset + secret.length);
    padded.set(secret, offset);
  }
  let s = padded.toString(url ? 'base64url' : 'base64');
  // Drop the padding (base64url has none).
  while (s.endsWith('=')) s = s.slice(0, -1);
  // The first 0, 2 or 3 characters carry bits of the unknown bytes before the secret.
  s = s.slice(offset === 0 ? 0 : offset === 1 ? 2 : 3);
  // A last group that is not full carries bits of whatever follows (or padding).
  if (padded.length % 3 !== 0) s = s.slice(0, -1);
  return s;
}

const WS_SPLIT = /[\t\n\v\f\r ]+/;

/**
 * A multi-line secret's tokens (split at runs of white space), to match with any run of 1–64
 * white-space bytes between them: the value printed with \r\n, indented, or joined by spaces.
 * Undefined for a single-line secret.
 */
export function whitespaceForm(secret: string): Buffer[] | undefined {
  if (!/[\r\n]/.test(secret)) return undefined;
  const tokens = secret
    .split(WS_SPLIT)
    .filter((t) => t.length > 0)
    .map((t) => Buffer.from(t, 'utf8'));
  if (tokens.length < 2) return undefined;
  const shortest = tokens.reduce((n, t) => n + t.length, tokens.length - 1);
  return shortest >= MIN_FORM_BYTES ? tokens : undefined;
}

/** `printf %q` (bash 5) for a value without control characters; undefined when bash would use $'...'. */
function shellBackslash(s: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(s)) return undefined;
  return s.replace(/[ !"$&'()*,;<>?[\\\]^`{|}]/g, '\\$&').replace(/^[#~]/, '\\$&');
}

/**
 * bash's ANSI-C quoting, the inside of `$'...'`: what `set -x` prints for an argument without shell
 * metacharacters but with bytes the locale cannot print, and what `printf %q` prints for any value
 * with such bytes (bash lib/sh/strtrans.c, ansic_quote). `utf8`: a UTF-8 locale, where printable
 * multi-byte characters stay as they are; otherwise (the C locale CI jobs often run in) every byte
 * outside printable ASCII is a three-digit octal escape.
 */
function ansiC(raw: Buffer, utf8: boolean): string {
  const named: Record<number, string> = {
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
    27: 'E',
  };
  let out = '';
  const text = raw.toString('utf8');
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (utf8 && cp > 0x9f && ch !== '\ufffd') {
      out += ch;
      continue;
    }
    for (const b of Buffer.from(ch, 'utf8')) {
      if (b === 0x5c || b === 0x27) out += `\\${String.fromCharCode(b)}`;
      else if (named[b] !== undefined) out += `\\${named[b]}`;
      else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
      else out += `\\${b.toString(8).padStart(3, '0')}`;
    }
  }
  return out;
}

/** Python's json.dumps (ensure_ascii) on top of JSON.stringify's escaping. */
function asciiJson(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * %-encoders of common tools: the characters each leaves as they are besides A-Z a-z 0-9, and whether
 * a space becomes `+`. Every other byte of the UTF-8 value becomes `%XX`. Each is registered in upper-
 * and lower-case hex (curl --data-urlencode writes lower case).
 */
export const URL_ENCODERS: readonly { tools: string; keep: string; plus: boolean }[] = [
  { tools: 'JavaScript encodeURIComponent, jq 1.6 @uri', keep: "-_.!~*'()", plus: false },
  { tools: 'encodeURIComponent with + for spaces', keep: "-_.!~*'()", plus: true },
  { tools: 'JavaScript encodeURI', keep: "-_.!~*'();,/?:@&=+$#", plus: false },
  { tools: 'WHATWG URLSearchParams, HTML forms', keep: '*-._', plus: true },
  { tools: 'Python urllib.parse.quote (keeps /)', keep: '_.-~/', plus: false },
  {
    tools: "RFC 3986 unreserved: Python quote(safe=''), PHP rawurlencode, jq 1.7 @uri",
    keep: '_.-~',
    plus: false,
  },
  {
    tools: 'Python quote_plus and urlencode, Go url.QueryEscape, curl --data-urlencode',
    keep: '_.-~',
    plus: true,
  },
  { tools: 'Go url.PathEscape', keep: '-_.~$&+:=@', plus: false },
  { tools: 'Java URLEncoder', keep: '.-*_', plus: true },
  { tools: 'PHP urlencode', keep: '-_.', plus: true },
];

function isAlnum(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** The value %-encoded by each of URL_ENCODERS, in both hex cases (duplicates included). */
function urlForms(secret: string, raw: Buffer): string[] {
  // Letters, digits, - _ . are left as they are by every encoder: nothing to add (most tokens).
  if (/^[A-Za-z0-9_.-]*$/.test(secret)) return [];
  const out: string[] = [];
  for (const { keep, plus } of URL_ENCODERS) {
    let upper = '';
    let lower = '';
    for (const b of raw) {
      const c = String.fromCharCode(b);
      if (isAlnum(b) || (b < 0x80 && keep.includes(c))) {
        upper += c;
        lower += c;
      } else if (b === 0x20 && plus) {
        upper += '+';
        lower += '+';
      } else {
        const hex = b.toString(16).padStart(2, '0');
        upper += `%${hex.toUpperCase()}`;
        lower += `%${hex}`;
      }
    }
    out.push(upper, lower);
  }
  return out;
}

/** A form's UTF-8 bytes as a latin1 string (one char per byte): the key forms are compared by. */
function byteKey(v: string): string {
  // ASCII only (one UTF-8 byte per UTF-16 unit): the string is its own key, no copy.
  return Buffer.byteLength(v, 'utf8') === v.length ? v : Buffer.from(v, 'utf8').toString('latin1');
}

/** base64 in the URL-safe alphabet: the same characters at the same places, `-_` for `+/`. */
function toBase64url(b64: string): string {
  return b64.includes('+') || b64.includes('/') ? b64.replace(/\+/g, '-').replace(/\//g, '_') : b64;
}

/** The value as JSON, shell quoting and %-encodings write it (see derivedKeys), each to `add` as a byte key. */
function escapedForms(
  secret: string,
  raw: Buffer,
  printable: boolean,
  add: (key: string | undefined) => void,
) {
  for (const form of urlForms(secret, raw)) add(form);
  const json = JSON.stringify(secret).slice(1, -1);
  add(printable ? json : byteKey(json));
  if (json.includes('/')) add(byteKey(json.replace(/\//g, '\\/')));
  if (!printable) add(asciiJson(json));
  if (secret.includes("'")) add(byteKey(secret.replace(/'/g, `'\\''`)));
  if (!printable) {
    add(ansiC(raw, false));
    add(byteKey(ansiC(raw, true)));
  }
  const q = shellBackslash(secret);
  if (q !== undefined) add(byteKey(q));
  // A leading # or ~ is escaped only at the start of a word; inside a larger word it is not.
  if (q !== undefined && /^\\[#~]/.test(q)) add(byteKey(q.slice(1)));
}

/**
 * Every literal form of `secret` worth masking as byte keys (see byteKey), deduplicated, each at least
 * MIN_FORM_BYTES long. Forms a value cannot change (no quote to escape, no `/`, nothing non-ASCII) are
 * not computed: they equal one already there. Registering 1,000 secrets runs this 1,000 times before
 * the first byte is masked, most of it before the JIT has compiled anything.
 */
export function derivedKeys(secret: string, opts: { username?: string } = {}): string[] {
  const out = new Set<string>();
  /** `key` must be a byte key already (base64, %-encodings and escapes are ASCII). */
  const add = (key: string | undefined) => {
    if (key !== undefined && key.length >= MIN_FORM_BYTES) out.add(key);
  };
  const raw = Buffer.from(secret, 'utf8');
  const printable = !/[^\x20-\x7e]/.test(secret);
  add(printable ? secret : raw.toString('latin1'));
  const lines = secret.split(/\r\n|\n|\r/);
  if (lines.length > 1) {
    for (const l of lines) {
      add(byteKey(l));
      add(byteKey(l.replace(/^[\t\v\f ]+|[\t\v\f ]+$/g, '')));
    }
  }
  const inner = ([0, 1, 2] as const).map((off) => base64Inner(raw, off));
  for (const b64 of inner) add(b64);
  for (const b64 of inner) add(toBase64url(b64));
  add(raw.toString('base64'));
  add(raw.toString('base64url'));
  const withNewline = Buffer.alloc(raw.length + 1, 0x0a);
  withNewline.set(raw);
  add(withNewline.toString('base64'));
  if (opts.username !== undefined) {
    const auth = Buffer.from(`${opts.username}:${secret}`, 'utf8');
    add(auth.toString('base64'));
    add(auth.toString('base64url'));
  }
  // Letters, digits, - _ . (most tokens): no escaping or encoding below changes them.
  if (!/^[A-Za-z0-9_.-]*$/.test(secret)) escapedForms(secret, raw, printable, add);
  return [...out];
}

/** Every literal form of `secret` worth masking, deduplicated, each at least MIN_FORM_BYTES long. */
export function derivedForms(secret: string, opts: { username?: string } = {}): Buffer[] {
  return derivedKeys(secret, opts).map((k) => Buffer.from(k, 'latin1'));
}
