/**
 * A large YAML file whose top level is a plain block mapping (a `.gitlab-ci.yml` of many jobs) is
 * parsed by `yaml` in pieces of whole top-level entries, about PIECE_BYTES each, and the pieces'
 * entries are put back together into one mapping. The result is what parsing the whole text gives —
 * the same nodes, the same offsets — but each piece's syntax tokens and documents die as soon as the
 * piece is read, where a whole-file parse keeps every token of the file alive until its end: on a
 * 2,000-job file the garbage collector's share dropped from about a third of the parse.
 *
 * Only when it is certainly the same: every line that starts in column 0 is blank, a comment, or a
 * plain or quoted key followed by `:` (no `---`, `...`, directives, explicit keys, anchors or tags
 * on keys, flow collections or sequences at the top), and every piece parses without an error into
 * one block mapping. Anything else (and any error, so that its message and position are the ones
 * the whole file gives) goes back to parsing the whole text.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  YAMLMap,
  type DocumentOptions,
  type Node as YamlNode,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

/** Files smaller than this are parsed whole. */
export const PIECES_MIN_BYTES = 64 * 1024;
/** Roughly how much text one piece holds (it ends at the next top-level key). */
export const PIECE_BYTES = 16 * 1024;

const KEY_LINE = /^(?:[A-Za-z0-9_.$/][^:#\r\n]*|"[^"\r\n]*"|'[^'\r\n]*'):(?:[ \t]|$)/;

/** Offsets where pieces start (0 first), or undefined when the top level is not plainly a block map. */
function cutPoints(text: string): number[] | undefined {
  const cuts = [0];
  let sawKey = false;
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const c = text.charCodeAt(at);
    if (end > at && c !== 0x20 && c !== 0x09 && c !== 0x23 /* # */) {
      if (!KEY_LINE.test(text.slice(at, end))) return undefined;
      if (sawKey && at - (cuts[cuts.length - 1] as number) >= PIECE_BYTES) cuts.push(at);
      sawKey = true;
    }
    at = end + 1;
  }
  return sawKey ? cuts : undefined;
}

/** Moves every range of a piece's nodes to where the piece sits in the whole text. */
function shift(n: unknown, by: number): void {
  if (isScalar(n) || isAlias(n) || isMap(n) || isSeq(n)) {
    const r = (n as YamlNode).range;
    if (r) {
      r[0] += by;
      r[1] += by;
      r[2] += by;
    }
  }
  if (isMap(n) || isSeq(n)) {
    for (const it of n.items) {
      if (isPair(it)) {
        shift(it.key, by);
        shift(it.value, by);
      } else shift(it, by);
    }
  }
}

/**
 * The top-level mapping of `text`, read piece by piece (see above), or undefined when the text must
 * be parsed whole. `onNewLine` gets every line start, as the parser would give it.
 */
export function parseInPieces(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
  onNewLine: (offset: number) => void,
): YamlNode | undefined {
  if (text.length < PIECES_MIN_BYTES) return undefined;
  const cuts = cutPoints(text);
  if (!cuts || cuts.length < 2) return undefined;
  const root = new YAMLMap();
  let first = -1;
  let last = 0;
  for (let i = 0; i < cuts.length; i++) {
    const from = cuts[i] as number;
    const piece = text.slice(from, cuts[i + 1] ?? text.length);
    const docs = parseAllDocuments(piece, options);
    if (!Array.isArray(docs) || docs.length !== 1) return undefined;
    const doc = docs[0];
    const contents = doc?.contents;
    if (!doc || doc.errors.length > 0 || !isMap(contents) || contents.flow) return undefined;
    shift(contents, from);
    if (first < 0) first = contents.range?.[0] ?? from;
    last = contents.range?.[2] ?? from + piece.length;
    for (const pair of contents.items) root.items.push(pair);
  }
  root.range = [first, last, last];
  onNewLine(0);
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) onNewLine(nl + 1);
  return root as YamlNode;
}
