/**
 * The `yaml` library's reader, for every text the fast reader (events.ts) leaves to it: syntax
 * errors in yaml's words (lower-cased, pointing at the opening bracket or quote, one per line) and
 * whatever else only it reads the way this project always has. Its documents become raw nodes
 * (raw.ts), the same as the fast reader's.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  Scalar,
  type CollectionTag,
  type Document,
  type Node as YamlNode,
  type ScalarTag,
} from 'yaml';
import type { YamlLimits, YamlProblem } from './problem.js';
import type { RawNode } from './raw.js';
import type { ScalarStyle, SourceFile } from './tree.js';

// GitLab's `!reference [job, key]` is a sequence with a custom tag; declared so yaml does not warn.
const referenceTag: CollectionTag = {
  tag: '!reference',
  collection: 'seq',
  default: false,
  resolve: (v) => v,
};
const customTags: (ScalarTag | CollectionTag)[] = [referenceTag];

/** yaml's messages are sentences; ours are lower-case and say what was expected. */
function syntaxMessage(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message)
    .replace(/\s+at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation; expected spaces';
    case 'BAD_ALIAS':
      return `${first.charAt(0).toLowerCase()}${first.slice(1)}; expected an anchor (&name) defined before its alias`;
    default:
      return first.charAt(0).toLowerCase() + first.slice(1);
  }
}

/** The unmatched `[` or `{` before `pos` (quotes skipped roughly), for "unclosed flow" errors. */
function unclosedOpener(text: string, pos: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === close) depth++;
    else if (c === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/**
 * Where and what to report for one yaml error: unclosed flow collections and quotes point at their
 * opening character, indentation errors at the first character of the line.
 */
function syntaxProblem(src: SourceFile, code: string, message: string, pos: [number, number]): YamlProblem {
  const text = src.text;
  const at = (start: number, end: number, msg: string): YamlProblem => ({
    code: 'syntax',
    message: msg,
    span: { src, start, end },
  });
  const flow = /end with an? ([\]}])/.exec(message);
  if (flow) {
    const close = flow[1] ?? ']';
    const open = close === ']' ? '[' : '{';
    const opener = unclosedOpener(text, pos[0], open, close);
    if (opener !== undefined) {
      const what = open === '[' ? 'flow sequence' : 'flow mapping';
      return at(opener, opener + 1, `unclosed ${what}: expected ${close} to close this ${open}`);
    }
  }
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const q = quote[1] ?? '"';
    const opener = text.lastIndexOf(q, pos[0] - 1);
    if (opener >= 0)
      return at(
        opener,
        opener + 1,
        `unclosed ${q === '"' ? 'double' : 'single'}-quoted string: expected ${q} to end it`,
      );
  }
  let start = pos[0];
  let end = pos[1];
  if (code === 'BAD_INDENT' || code === 'TAB_AS_INDENT') {
    // Point at the first character of the offending line, not at its indentation.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() === '') {
      let i = start;
      while (i < text.length && (text[i] === ' ' || (code === 'BAD_INDENT' && text[i] === '\t'))) i++;
      if (code === 'BAD_INDENT' && text[i] !== '\n') {
        start = i;
        end = Math.max(i + 1, end);
      }
    }
  }
  return at(start, end, syntaxMessage(code, message));
}

/** yaml's own errors, one per line (the first on a line is the cause). */
function syntaxProblems(src: SourceFile, documents: Document.Parsed[]): YamlProblem[] {
  let errors = documents.flatMap((d) => d.errors);
  // A tab in indentation makes yaml report several follow-on errors; the tab is the one to fix.
  if (errors.some((e) => e.code === 'TAB_AS_INDENT'))
    errors = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const seenLines = new Set<number>();
  const out: YamlProblem[] = [];
  for (const e of errors) {
    const p = syntaxProblem(src, e.code, e.message, e.pos);
    const line = src.lines.linePos(p.span?.start ?? 0).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    out.push(p);
  }
  return out;
}

const OPTIONS = {
  prettyErrors: false,
  // Duplicate keys are found while building the tree (one pass instead of yaml's quadratic check).
  uniqueKeys: false,
  customTags,
  strict: true,
};

/** The documents of the text (their roots and where each starts), or its problems. */
export function parseComposed(
  src: SourceFile,
  limits: YamlLimits,
): { roots: (RawNode | null)[]; starts: number[] } | { problems: YamlProblem[] } {
  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(src.text, OPTIONS);
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // yaml can overflow the stack on absurd nesting; never let that become a stack trace.
    const why = e instanceof RangeError ? 'nesting is too deep' : e instanceof Error ? e.message : String(e);
    const message = `cannot parse: ${why}; expected at most ${limits.maxDepth} levels`;
    return { problems: [{ code: 'yaml-limit', message, span: { src, start: 0, end: 0 } }] };
  }
  const syntax = syntaxProblems(src, documents);
  if (syntax.length > 0) return { problems: syntax };
  return {
    roots: documents.map((d) => (d.contents ? toRaw(d.contents) : null)),
    starts: documents.map((d) => d.range?.[0] ?? 0),
  };
}

function scalarStyle(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_LITERAL:
      return 'literal';
    case Scalar.BLOCK_FOLDED:
      return 'folded';
    default:
      return 'plain';
  }
}

/** A `yaml` node as a raw node (a pair where a node should be, e.g. `[a: b]`, as a null at 0). */
export function toRaw(n: unknown): RawNode {
  const node = n as YamlNode;
  const r = isScalar(n) || isAlias(n) || isMap(n) || isSeq(n) ? node.range : undefined;
  const at = { start: r?.[0] ?? 0, end: r?.[1] ?? 0 };
  let out: RawNode;
  if (isScalar(n)) {
    const v = n.value;
    const value =
      v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    out = { kind: 'scalar', value, style: scalarStyle(n.type), ...at };
  } else if (isAlias(n)) out = { kind: 'alias', name: n.source, ...at };
  else if (isSeq(n)) out = { kind: 'seq', items: n.items.map(toRaw), ...at };
  else if (isMap(n)) {
    const pairs = n.items.filter(isPair).map((p) => ({
      key: p.key === null || p.key === undefined ? null : toRaw(p.key),
      value: p.value === null || p.value === undefined ? null : toRaw(p.value),
    }));
    out = { kind: 'map', pairs, ...at };
  } else return { kind: 'scalar', value: null, style: 'plain', start: 0, end: 0 };
  if (node.anchor) out.anchor = node.anchor;
  if (node.tag) out.tag = node.tag;
  return out;
}
