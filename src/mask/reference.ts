/**
 * The whole-buffer reference the streaming masker must equal for any chunking: every occurrence of
 * every pattern, at every start; overlapping or touching ranges merged; each merged range replaced by
 * `[MASKED]`. Written independently of the stream's search (plain scans and regular expressions).
 */
import { MAX_WS_GAP, TOKEN_MAX_TAIL, TOKEN_MIN_TAIL, type Pattern } from './patterns.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function maskReference(buf: Buffer, patterns: readonly Pattern[]): Buffer {
  const text = buf.toString('latin1');
  const ranges: [number, number][] = [];
  for (const p of patterns) {
    if (p.kind === 'literal') {
      const needle = p.bytes.toString('latin1');
      for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1))
        ranges.push([i, i + needle.length]);
      continue;
    }
    const source =
      p.kind === 'ws'
        ? p.lines.map((l) => escapeRe(l.toString('latin1'))).join(`[ \\t\\n\\v\\f\\r]{1,${MAX_WS_GAP}}`)
        : `${escapeRe(p.prefix.toString('latin1'))}[0-9A-Za-z_-]{${TOKEN_MIN_TAIL},${TOKEN_MAX_TAIL}}`;
    const re = new RegExp(source, 'y');
    for (let i = 0; i < text.length; i++) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) ranges.push([i, i + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Buffer[] = [];
  let cur = 0;
  let open: [number, number] | undefined;
  for (const r of ranges) {
    if (open && r[0] <= open[1]) {
      open[1] = Math.max(open[1], r[1]);
      continue;
    }
    if (open) {
      out.push(Buffer.from('[MASKED]'));
      cur = open[1];
    }
    out.push(buf.subarray(cur, r[0]));
    open = [r[0], r[1]];
  }
  if (open) {
    out.push(Buffer.from('[MASKED]'));
    cur = open[1];
  }
  out.push(buf.subarray(cur));
  return Buffer.concat(out);
}
