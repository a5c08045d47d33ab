/**
 * The YAML reader with positions: text → position-keeping trees (tree.ts), and every problem as a
 * YamlProblem (problem.ts) with its span: syntax errors, files over the size limit, and anchors,
 * aliases and merge keys that would expand too far (bound.ts), refused before anything is built.
 * It knows nothing of validate's rules; validate turns problems into findings.
 */
import {
  LineCounter,
  parseAllDocuments,
  type CollectionTag,
  type Document,
  type Node as YamlNode,
  type ScalarTag,
} from 'yaml';
import { ExpansionBound } from './bound.js';
import { TreeBuilder } from './build.js';
import { parseInPieces } from './pieces.js';
import type { YamlLimits, YamlProblem } from './problem.js';
import type { SourceFile, Span, YNode } from './tree.js';

export type { YamlLimits, YamlProblem, YamlProblemCode } from './problem.js';

export interface ParsedYaml {
  src: SourceFile;
  /** One tree per YAML document (empty when the text has a syntax error or breaks a limit). */
  docs: YNode[];
  /** Empty when the text is valid YAML within the limits. */
  problems: YamlProblem[];
}

// GitLab's `!reference [job, key]` is a sequence with a custom tag; declared so yaml does not warn.
const referenceTag: CollectionTag = {
  tag: '!reference',
  collection: 'seq',
  default: false,
  resolve: (v) => v,
};
const customTags: (ScalarTag | CollectionTag)[] = [referenceTag];

function humanBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

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

/** The first document that expands beyond the limits, as a problem at its start. */
function expansionProblem(
  src: SourceFile,
  roots: (YamlNode | null)[],
  limits: YamlLimits,
): YamlProblem | undefined {
  const bound = new ExpansionBound(limits);
  for (const root of roots) {
    if (!root) continue;
    const r = bound.check(root);
    if (r.ok) continue;
    const start = r.at.range?.[0] ?? 0;
    const span: Span = { src, start, end: start };
    return r.why === 'size'
      ? {
          code: 'yaml-limit',
          message: `anchors, aliases and merge keys expand to more than ${limits.maxNodes.toLocaleString('en-US')} nodes; refusing a possible alias bomb`,
          span,
        }
      : {
          code: 'yaml-limit',
          message: `nesting deeper than ${limits.maxDepth} levels after aliases; expected a flatter document`,
          span,
        };
  }
  return undefined;
}

/**
 * Reads YAML text into position-keeping trees, one per document. Every problem is returned, never
 * thrown: syntax errors with their span, a file over `maxBytes` before parsing, and documents whose
 * aliases and merge keys would expand beyond `maxNodes` before anything is built.
 */
export function parseYaml(text: string, path: string, limits: YamlLimits): ParsedYaml {
  const lines = new LineCounter();
  const src: SourceFile = { path, text, lines };
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxBytes) {
    const message = `file is ${humanBytes(size)}; expected at most ${humanBytes(limits.maxBytes)}`;
    return { src, docs: [], problems: [{ code: 'file-too-large', message }] };
  }
  // Large plain CI files are read in pieces (pieces.ts): the same tree, far less garbage.
  const whole = parseInPieces(text, OPTIONS, lines.addNewLine);
  const parsed = whole ? { roots: [whole], starts: [0] } : parseWhole(src, limits);
  if ('problems' in parsed) return { src, docs: [], problems: parsed.problems };
  const tooLarge = expansionProblem(src, parsed.roots, limits);
  if (tooLarge) return { src, docs: [], problems: [tooLarge] };
  const problems: YamlProblem[] = [];
  const builder = new TreeBuilder(src, limits, problems);
  const docs: YNode[] = [];
  for (let i = 0; i < parsed.roots.length; i++) {
    docs.push(builder.build(parsed.roots[i], parsed.starts[i] ?? 0));
    if (problems.length > 0) return { src, docs: [], problems };
  }
  return { src, docs, problems };
}

const OPTIONS = {
  prettyErrors: false,
  // Duplicate keys are found while building the tree (one pass instead of yaml's quadratic check).
  uniqueKeys: false,
  customTags,
  strict: true,
};

/** The documents of the whole text (their roots and where each starts), or its problems. */
function parseWhole(
  src: SourceFile,
  limits: YamlLimits,
): { roots: (YamlNode | null)[]; starts: number[] } | { problems: YamlProblem[] } {
  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(src.text, { ...OPTIONS, lineCounter: src.lines });
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
    roots: documents.map((d) => (d.contents as YamlNode | null) ?? null),
    starts: documents.map((d) => d.range?.[0] ?? 0),
  };
}
