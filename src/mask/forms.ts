/**
 * The forms a tool is likely to print a secret in, each registered as a pattern of its own
 * (gitlab-runner masks only the exact bytes, GITLAB_FACTS §6; we do more): raw; each line of a
 * multi-line value; base64 and base64url at the three byte offsets, trimmed where neighbouring bytes
 * change the characters, so the secret is caught inside a larger blob; base64 of `username:password`
 * (docker's `auth`); URL and form encoding; JSON escaping; shell quoting as `bash -x` and `printf %q`
 * print it. Forms shorter than 4 bytes are dropped: they would mask ordinary text.
 */
export const MIN_SECRET_BYTES = 4;

/** app/models/concerns/ci/maskable.rb: what GitLab itself could mask. */
export function gitlabCouldMask(value: string): boolean {
  return /^[a-zA-Z0-9_+=/@:.~-]{8,}$/.test(value);
}

/** base64 of the secret preceded by `offset` unknown bytes, keeping only characters it alone decides. */
export function base64Inner(secret: Buffer, offset: 0 | 1 | 2, url: boolean): string {
  const padded = Buffer.concat([Buffer.alloc(offset), secret]);
  let s = padded.toString(url ? 'base64url' : 'base64').replace(/=+$/, '');
  // The first characters mix unknown leading bits: 0, 2 or 3 of them.
  s = s.slice(offset === 0 ? 0 : offset === 1 ? 2 : 3);
  // A last group that is not full mixes in bits of whatever follows.
  if (padded.length % 3 !== 0) s = s.slice(0, -1);
  return s;
}

export interface FormSet {
  /** Exact byte strings. */
  literals: Buffer[];
  /** Multi-line secrets: their lines, to match with any run of white space between them. */
  wsLines: Buffer[][];
}

/** The literal forms only (what GitHub's `::add-mask::` gets). */
export function derivedForms(secret: string, opts: { username?: string } = {}): Buffer[] {
  return derivedFormSet(secret, opts).literals;
}

export function derivedFormSet(secret: string, opts: { username?: string } = {}): FormSet {
  const raw = Buffer.from(secret, 'utf8');
  const out = new Map<string, Buffer>();
  const add = (b: Buffer | string) => {
    const bytes = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
    if (bytes.length < MIN_SECRET_BYTES) return;
    const key = bytes.toString('latin1');
    if (!out.has(key)) out.set(key, bytes);
  };
  const wsLines: Buffer[][] = [];
  add(raw);
  const lines = secret.split(/\r?\n/);
  if (lines.length > 1) {
    for (const l of lines) add(l);
    const nonEmpty = lines.filter((l) => l.length > 0).map((l) => Buffer.from(l, 'utf8'));
    // Printed with its newlines as \r\n, spaces, tabs or indentation: one pattern with white-space gaps.
    if (nonEmpty.length > 1 && (nonEmpty[0]?.length ?? 0) >= MIN_SECRET_BYTES) wsLines.push(nonEmpty);
  }
  // The whole value encoded on its own (with and without padding), then inside larger blobs.
  add(raw.toString('base64'));
  add(raw.toString('base64url'));
  for (const url of [false, true]) {
    for (const offset of [0, 1, 2] as const) add(base64Inner(raw, offset, url));
  }
  if (opts.username !== undefined) {
    const auth = Buffer.from(`${opts.username}:${secret}`, 'utf8');
    add(auth.toString('base64'));
    add(auth.toString('base64url'));
  }
  add(encodeURIComponent(secret));
  add(encodeURIComponent(secret).replace(/%20/g, '+'));
  add(JSON.stringify(secret).slice(1, -1));
  add(secret.replace(/'/g, `'\\''`));
  add(secret.replace(/([^A-Za-z0-9_\-.,:/@%+=])/g, '\\$1'));
  return { literals: [...out.values()], wsLines };
}
