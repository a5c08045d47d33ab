/**
 * Building finding messages, pure. A message is the tool's own words with literals in between; a
 * value from GitLab can only enter as a literal, so each format decides how to keep it inert.
 *
 * In the `m` template an interpolated string is a literal (a value from GitLab) and a number is the
 * tool's own text (a count); the tool's own conditional phrases are nested `m` templates. So a
 * GitLab value interpolated without a thought still ends up inert.
 */
import type { MessageLiteral, MessagePart } from './types.js';

export type Piece = string | number | MessagePart[];

export function m(strings: TemplateStringsArray, ...pieces: Piece[]): MessagePart[] {
  const out: MessagePart[] = [];
  const own = (s: string) => {
    if (s === '') return;
    const last = out[out.length - 1];
    if (typeof last === 'string') out[out.length - 1] = last + s;
    else out.push(s);
  };
  strings.forEach((s, i) => {
    own(s);
    if (i >= pieces.length) return;
    const p = pieces[i] as Piece;
    if (typeof p === 'number') own(String(p));
    else if (typeof p === 'string') out.push({ literal: p });
    else
      for (const x of p)
        if (typeof x === 'string') own(x);
        else out.push(x);
  });
  return out;
}

/** The tool's own words computed at run time (a duration, an instant, a state): no literal. */
export const words = (s: string): MessagePart[] => [s];
/** A value shown in quotes in text (`"gitlab-deploy-token"`). */
export const q = (literal: string): MessagePart[] => [{ literal, as: 'quoted' }];
/** A command to run, in backticks in text. */
export const code = (literal: string): MessagePart[] => [{ literal, as: 'code' }];
/** A token id (`#202`): a literal, because `#202` in a GitLab issue is a link to issue 202. */
export const ref = (id: number): MessagePart[] => [{ literal: `#${id}` }];

/** `a, b, c`, each a literal part of its own. */
export function list(items: MessagePart[][], sep = ', '): MessagePart[] {
  return items.flatMap((x, i) => (i === 0 ? x : [sep, ...x]));
}

function literalText(l: MessageLiteral): string {
  if (l.as === 'quoted') return `"${l.literal}"`;
  if (l.as === 'code') return `\`${l.literal}\``;
  return l.literal;
}

/** The message as plain text (text and JSON formats). */
export function textOf(parts: MessagePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : literalText(p))).join('');
}
