/**
 * The whole-buffer reference the streaming masker must equal for any chunking, written independently
 * of it (Buffer.indexOf and regular expressions, no automaton):
 * 1. find every occurrence of every registered form (overlapping ones included), every GitLab token
 *    (a prefix and the whole run of 20+ URL-safe characters after it) and every white-space form;
 * 2. merge ranges that overlap or touch (`abcd` and `efgh` side by side give one range: two masks
 *    next to each other would only tell a reader where one secret ends);
 * 3. replace each merged range by `[MASKED]`.
 */
import { MASK_BYTES } from './masker.js';
import { MAX_WS_GAP, toRegistry, type SecretRegistry } from './registry.js';
import { GITLAB_TOKEN_PREFIXES, TOKEN_MIN_TAIL, URL_SAFE } from './tokens.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ranges the reference masks, merged (exported for tests). */
export function referenceRanges(
  buf: Buffer,
  secrets: SecretRegistry | readonly string[],
): [number, number][] {
  const { registry } = toRegistry(secrets);
  const ranges: [number, number][] = [];
  for (const f of registry.forms()) {
    for (let i = buf.indexOf(f); i !== -1; i = buf.indexOf(f, i + 1)) ranges.push([i, i + f.length]);
  }
  const text = buf.toString('latin1');
  for (const tokens of registry.whitespaceForms()) {
    const source = tokens
      .map((t) => escapeRe(t.toString('latin1')))
      .join(`[\\t\\n\\v\\f\\r ]{1,${MAX_WS_GAP}}`);
    const re = new RegExp(source, 'y');
    const first = tokens[0] as Buffer;
    for (let i = buf.indexOf(first); i !== -1; i = buf.indexOf(first, i + 1)) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) ranges.push([i, i + m[0].length]);
    }
  }
  if (registry.gitlabTokens) {
    for (const p of GITLAB_TOKEN_PREFIXES) {
      for (let i = buf.indexOf(p, 0, 'latin1'); i !== -1; i = buf.indexOf(p, i + 1, 'latin1')) {
        let j = i + p.length;
        while (j < buf.length && URL_SAFE[buf[j] as number] === 1) j++;
        if (j - i - p.length >= TOKEN_MIN_TAIL) ranges.push([i, j]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function maskReference(buf: Buffer, secrets: SecretRegistry | readonly string[]): Buffer {
  const out: Buffer[] = [];
  let cur = 0;
  for (const [s, e] of referenceRanges(buf, secrets)) {
    out.push(buf.subarray(cur, s), MASK_BYTES);
    cur = e;
  }
  out.push(buf.subarray(cur));
  return Buffer.concat(out);
}
