/**
 * The fast reader: js-yaml's event stream (parseEvents: the library's parser, flat events that point
 * into the text) turned into raw nodes (raw.ts) with the offsets the `yaml` library gives the same
 * nodes, and values resolved by the YAML 1.2 core schema as `yaml` resolves them. On a 2,000-job
 * CI file this reads about three times faster than composing `yaml` Documents, and its garbage is
 * a flat list of small events instead of a tree of syntax tokens.
 *
 * It reads what CI files and job specs are made of: block and flow collections, plain, quoted and
 * block scalars, anchors and aliases, `!reference` sequences, several documents. Anything else
 * (directives, other tags, explicit `?` keys, keys that are not plain or quoted scalars, empty
 * documents and list items, `|+` keep-chomping, a position it cannot confirm in the text) and every
 * syntax error are left to the `yaml` library (composed.ts): `readEvents` returns undefined, and
 * the caller parses the text with `yaml` as before, so those texts read exactly as they always did.
 * test/yaml/events.test.ts checks both readers give the same nodes on every YAML file of the
 * repository and on generated and mutated texts.
 */
import { getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import type { RawMap, RawNode, RawPair, RawScalar, RawSeq } from './raw.js';
import type { ScalarStyle } from './tree.js';

/** js-yaml's EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE and CHOMPING_MODE values. */
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
const STYLES: ScalarStyle[] = ['plain', 'plain', 'single', 'double', 'literal', 'folded'];
const FLOW = 2;
const KEEP = 3;

/** Thrown inside the reader when the text is one to leave to `yaml`; never escapes readEvents. */
class LeaveToYaml extends Error {}
const LEAVE = new LeaveToYaml();

const CORE_FIRST = new Set([...'-+.0123456789~nNtTfF'].map((c) => c.charCodeAt(0)));

/** A plain scalar's value as `yaml`'s core schema resolves it (yaml/dist/schema/core). */
export function corePlainValue(s: string): string | number | boolean | null {
  // Most plain scalars start with a character that no core type starts with: no regex to try.
  if (s !== '' && !CORE_FIRST.has(s.charCodeAt(0))) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

class EventReader {
  private i = 0;
  /** Block collections closed so far: where yaml's parser ends them with what they keep after them. */
  private readonly kept = new Map<RawNode, number>();

  constructor(
    private readonly text: string,
    private readonly events: Event[],
  ) {}

  documents(): RawNode[] {
    const roots: RawNode[] = [];
    while (this.i < this.events.length) {
      const doc = this.next();
      if (doc.type !== DOCUMENT || doc.directives.length > 0) throw LEAVE;
      const root = this.node(-1);
      // An empty document: where `yaml` puts it depends on comments and markers around it.
      if (root.kind === 'scalar' && root.value === null && root.start === root.end) throw LEAVE;
      if (this.next().type !== POP) throw LEAVE;
      roots.push(root);
    }
    if (roots.length === 0) throw LEAVE; // nothing but comments: yaml says where its empty document is
    return roots;
  }

  private next(): Event {
    const e = this.events[this.i++];
    if (e === undefined) throw LEAVE;
    return e;
  }

  /** The next node; `after` is where the indicator before it (`:` or `-`) ends, -1 when unknown. */
  private node(after: number): RawNode {
    const e = this.next();
    switch (e.type) {
      case SCALAR:
        return this.scalar(e, after);
      case ALIAS: {
        if (this.text[e.anchorStart - 1] !== '*') throw LEAVE;
        const name = this.text.slice(e.anchorStart, e.anchorEnd);
        return { kind: 'alias', name, start: e.anchorStart - 1, end: e.anchorEnd };
      }
      case SEQUENCE:
      case MAPPING: {
        const tag = e.tagStart >= 0 ? this.text.slice(e.tagStart, e.tagEnd) : undefined;
        if (tag !== undefined && (tag !== '!reference' || e.type !== SEQUENCE)) throw LEAVE;
        const flow = e.style === FLOW;
        const node = e.type === SEQUENCE ? this.seq(e.start, flow) : this.map(e.start, flow);
        if (e.anchorStart >= 0) node.anchor = this.text.slice(e.anchorStart, e.anchorEnd);
        if (tag !== undefined) node.tag = tag;
        return node;
      }
      default:
        throw LEAVE;
    }
  }

  private scalar(e: ScalarEvent, after: number): RawScalar {
    if (e.tagStart >= 0) throw LEAVE;
    const style = STYLES[e.style] ?? 'plain';
    let out: RawScalar;
    if (e.valueStart < 0) {
      if (style !== 'plain') throw LEAVE;
      const at = this.emptyAt(after, e);
      out = { kind: 'scalar', value: null, style, start: at, end: at };
    } else if (style === 'plain') {
      const value = corePlainValue(getScalarValue(this.text, e));
      out = { kind: 'scalar', value, style, start: e.valueStart, end: e.valueEnd };
    } else if (style === 'single' || style === 'double') {
      const q = style === 'single' ? "'" : '"';
      if (this.text[e.valueStart - 1] !== q || this.text[e.valueEnd] !== q) throw LEAVE;
      const value = getScalarValue(this.text, e);
      out = { kind: 'scalar', value, style, start: e.valueStart - 1, end: e.valueEnd + 1 };
    } else {
      const value = getScalarValue(this.text, e);
      if (e.chomping === KEEP || value === '') throw LEAVE;
      const header = this.header(after, e);
      out = { kind: 'scalar', value, style, start: header, end: this.blockEnd(e, header) };
    }
    if (e.anchorStart >= 0) out.anchor = this.text.slice(e.anchorStart, e.anchorEnd);
    return out;
  }

  /** Where `yaml` puts an empty value: after its indicator and properties, and the blanks after them. */
  private emptyAt(after: number, e: ScalarEvent): number {
    if (after < 0) throw LEAVE;
    let p = Math.max(after, e.anchorEnd);
    while (isBlank(this.text[p])) p++;
    // A comment after an empty value (on its line or the next) moves `yaml`'s end of it: left to yaml.
    let q = p;
    while (isBlank(this.text[q]) || this.text[q] === '\n' || this.text[q] === '\r') q++;
    if (this.text[q] === '#') throw LEAVE;
    return p;
  }

  /** The `|` or `>` of a block scalar: the first thing after its indicator and anchor. */
  private header(after: number, e: ScalarEvent): number {
    if (after < 0) throw LEAVE;
    let p = Math.max(after, e.anchorEnd);
    while (isBlank(this.text[p])) p++;
    const c = this.text[p];
    if (c !== '|' && c !== '>') throw LEAVE;
    return p;
  }

  /**
   * Where `yaml` ends a block scalar: after the newline of its last line that has content or more
   * blanks than its indentation (yaml's lexer, parseBlockScalar), not after trailing blank lines.
   */
  private blockEnd(e: ScalarEvent, header: number): number {
    const t = this.text;
    const first = t.indexOf('\n', header) + 1; // the first content line
    if (first <= 0 || first > e.valueStart) throw LEAVE;
    let indent = 0;
    let k = first;
    for (;;) {
      // The indentation of the first line that is not blank.
      let n = 0;
      while (t[k + n] === ' ') n++;
      const c = t[k + n];
      if (c !== '\n' && c !== '\r') {
        indent = n;
        break;
      }
      k = t.indexOf('\n', k) + 1;
      if (k <= 0 || k >= e.valueEnd) throw LEAVE;
    }
    let end = e.valueEnd;
    if (end < t.length && t[end - 1] !== '\n') throw LEAVE;
    for (;;) {
      // Drop a last line of at most `indent` spaces (an empty line too), but never the first line.
      const lineStart = t.lastIndexOf('\n', end - 2) + 1;
      if (lineStart <= first || t[end - 1] !== '\n') break;
      const body = t.slice(lineStart, end - 1).replace(/\r$/, '');
      if (!/^ *$/.test(body) || body.length > indent) break;
      end = lineStart;
    }
    // A tab after the block on the next line: yaml's lexer takes it in; rare, left to yaml.
    if (/^ *\t/.test(t.slice(end, end + 64))) throw LEAVE;
    return end;
  }

  /** Past blanks, a comment and one line break after `p`: `yaml`'s end of a node with what trails it. */
  private lineEnd(p: number): number {
    const t = this.text;
    while (isBlank(t[p])) p++;
    if (t[p] === '#') {
      const nl = t.indexOf('\n', p);
      p = nl < 0 ? t.length : nl;
    }
    if (t[p] === '\r' && t[p + 1] === '\n') return p + 2;
    if (t[p] === '\n') return p + 1;
    return p;
  }

  /** `yaml`'s end of a block collection item: its own for block nodes, else through its line's end. */
  private itemEnd(n: RawNode): number {
    const kept = this.kept.get(n);
    if (kept !== undefined) return kept;
    if (n.kind === 'scalar' && n.start === n.end) return n.end;
    if (n.kind === 'scalar' && (n.style === 'literal' || n.style === 'folded')) return n.end;
    return this.lineEnd(n.end);
  }

  /** The line read last by `line`: where the next starts, the column of its comment (-1: none), blank. */
  private readonly ln = { next: 0, comment: -1, blank: false };

  /**
   * Reads the line at `p` into `ln` (blank, or a comment and at what column); undefined past the
   * end. One object reused for every line: closing a block looks at many.
   */
  private line(p: number): { next: number; comment: number; blank: boolean } | undefined {
    const t = this.text;
    let n = 0;
    while (t[p + n] === ' ') n++;
    const c = t[p + n];
    if (c === undefined) return undefined;
    const nl = t.indexOf('\n', p + n);
    const ln = this.ln;
    ln.next = nl < 0 ? t.length : nl + 1;
    ln.blank = c === '\n' || (c === '\r' && t[p + n + 1] === '\n');
    ln.comment = !ln.blank && c === '#' ? n : -1;
    return ln;
  }

  /**
   * Closes a block collection the way yaml's parser does (parser.js: atIndentedComment, pop): comment
   * lines more indented than the collection, right after a last value that is a plain or quoted
   * scalar, an alias or a flow collection, belong to that value (the collection's end grows over
   * them); the comment and blank lines after that stay with the collection (its kept end, what its
   * parent's end reaches) when one of the comments is at least as indented as it, else they go up.
   */
  private closeBlock(node: RawSeq | RawMap, last: RawNode | undefined): void {
    const t = this.text;
    const indent = node.start - (t.lastIndexOf('\n', node.start - 1) + 1);
    let end = last === undefined ? node.start : this.itemEnd(last);
    if (last !== undefined && !this.kept.has(last) && !(last.kind === 'scalar' && last.start === last.end)) {
      const block = last.kind === 'scalar' && (last.style === 'literal' || last.style === 'folded');
      for (let p = end, l = this.line(p); !block && l && (l.blank || l.comment > indent); l = this.line(p)) {
        p = l.next;
        if (!l.blank) end = p;
      }
    }
    node.end = end;
    let keeps = false;
    for (let p = end, l = this.line(p); l && (l.blank || l.comment >= 0); l = this.line(p)) {
      p = l.next;
      if (l.comment >= indent) keeps = true;
    }
    // yaml's parser moves them up from a collection at column 0 whatever their columns.
    this.kept.set(node, keeps && indent > 0 ? this.contentAfter(end) : end);
  }

  /** Where the next content starts after `p` (past blank and comment lines and indentation), or the end. */
  private contentAfter(p: number): number {
    for (let l = this.line(p); l && (l.blank || l.comment >= 0); l = this.line(p)) p = l.next;
    const t = this.text;
    while (t[p] === ' ') p++;
    return Math.min(p, t.length);
  }

  /** Skips blanks, line breaks, comments and (in flow) commas from `p`; the offset of what follows. */
  private skipSpace(p: number, commas: boolean): number {
    const t = this.text;
    for (;;) {
      const c = t[p];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || (commas && c === ',')) p++;
      else if (c === '#') {
        const nl = t.indexOf('\n', p);
        if (nl < 0) return t.length;
        p = nl;
      } else return p;
    }
  }

  private seq(start: number, flow: boolean): RawSeq {
    const open = flow ? '[' : '-';
    if (this.text[start] !== open) throw LEAVE;
    const items: RawNode[] = [];
    let dash = start;
    let end = start + 1;
    while (this.events[this.i]?.type !== POP) {
      if (!flow && items.length > 0) {
        dash = this.skipSpace(end, false);
        if (this.text[dash] !== '-') throw LEAVE;
      }
      const item = this.node(flow ? -1 : dash + 1);
      if (!flow && item.kind === 'scalar' && item.start === item.end) throw LEAVE; // `-` alone
      items.push(item);
      end = flow ? item.end : this.itemEnd(item);
    }
    this.i++;
    const node: RawSeq = { kind: 'seq', items, start, end: flow ? this.close(end, ']') : end };
    if (!flow) this.closeBlock(node, items[items.length - 1]);
    return node;
  }

  private map(start: number, flow: boolean): RawMap {
    if (flow && this.text[start] !== '{') throw LEAVE;
    const pairs: RawPair[] = [];
    let end = start + 1;
    while (this.events[this.i]?.type !== POP) {
      const key = this.node(-1);
      if (key.kind !== 'scalar' || key.anchor !== undefined || key.start === key.end) throw LEAVE;
      if (key.style === 'literal' || key.style === 'folded') throw LEAVE;
      // An implicit key: `:` follows it on its line (anything else, e.g. `? key`, is left to yaml).
      let colon = key.end;
      while (isBlank(this.text[colon])) colon++;
      if (this.text[colon] !== ':') throw LEAVE;
      const value = this.node(colon + 1);
      pairs.push({ key, value });
      end = flow ? value.end : this.itemEnd(value);
    }
    this.i++;
    const node: RawMap = { kind: 'map', pairs, start, end: flow ? this.close(end, '}') : end };
    if (!flow) this.closeBlock(node, pairs[pairs.length - 1]?.value ?? undefined);
    return node;
  }

  /** After the closing bracket of a flow collection whose last item ends at `p`. */
  private close(p: number, bracket: ']' | '}'): number {
    const at = this.skipSpace(p, true);
    if (this.text[at] !== bracket) throw LEAVE;
    return at + 1;
  }
}

/**
 * The documents of `text` as raw nodes, or undefined when the text is one for the `yaml` library
 * (a syntax error, nesting deeper than `maxDepth`, or anything the fast path leaves to it).
 */
export function readEvents(text: string, maxDepth: number): RawNode[] | undefined {
  // A tab where indentation goes: yaml refuses some that js-yaml takes; yaml says which.
  if (/^ *\t/m.test(text)) return undefined;
  // A carriage return alone ends a line for one library and not the other.
  if (/\r(?!\n)/.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth });
  } catch {
    return undefined; // yaml says what is wrong, with its own words and positions
  }
  try {
    return new EventReader(text, events).documents();
  } catch (e) {
    if (e === LEAVE) return undefined;
    throw e;
  }
}
