/**
 * Where a piece of a scalar's value sits in the source. A block scalar loses its indentation and a
 * quoted one its escapes, so offsets in the value are not offsets in the file: the piece is looked
 * up in the scalar's source text instead (the same occurrence), falling back to the whole scalar.
 */
import type { Span, YScalar } from './tree.js';

function nthIndexOf(hay: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function countBefore(hay: string, needle: string, end: number): number {
  let count = 0;
  let at = hay.indexOf(needle);
  while (at >= 0 && at < end) {
    count++;
    at = hay.indexOf(needle, at + 1);
  }
  return count;
}

/** The source span of `value.slice(start, end)` of a string scalar (first line of it when it spans several). */
export function spanInScalar(node: YScalar, start: number, end: number): Span {
  const value = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  const piece = value.slice(start, end).split('\n')[0] ?? '';
  if (piece.trim() === '') return node.span;
  const raw = node.span.src.text.slice(node.span.start, node.span.end);
  const k = countBefore(value, piece, start);
  let at = nthIndexOf(raw, piece, k);
  if (at < 0) at = raw.indexOf(piece);
  if (at >= 0)
    return { src: node.span.src, start: node.span.start + at, end: node.span.start + at + piece.length };
  // Escapes changed the text (\" inside a double-quoted YAML string): try it without its shell quotes.
  const bare = piece.replace(/^["']|["']$/g, '');
  const b = bare && bare !== piece ? raw.indexOf(bare) : -1;
  if (b >= 0)
    return { src: node.span.src, start: node.span.start + b, end: node.span.start + b + bare.length };
  // Still not found: try its first word.
  const word = piece.trim().split(/\s+/)[0] ?? '';
  const w = word ? raw.indexOf(word) : -1;
  if (w >= 0)
    return { src: node.span.src, start: node.span.start + w, end: node.span.start + w + word.length };
  return node.span;
}
