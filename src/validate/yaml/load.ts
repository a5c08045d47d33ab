/**
 * YAML text → position-keeping trees (tree.ts), with every problem a finding: syntax errors with
 * their line and column, files over the size limit and alias bombs refused before they cost anything.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  Scalar,
  type Document,
  type Node as YamlNode,
  type Pair,
  type ScalarTag,
  type CollectionTag,
} from 'yaml';
import { fileFinding, findingAt, type Finding } from '../finding.js';
import {
  newMap,
  type SourceFile,
  type Span,
  type Via,
  type YEntry,
  type YMap,
  type YNode,
  type YScalar,
  type ScalarStyle,
} from './tree.js';

export interface YamlLimits {
  /** Refuse larger files before parsing. */
  maxBytes: number;
  /** Refuse documents whose aliases expand to more nodes than this (billion laughs). */
  maxNodes: number;
  /** Refuse deeper nesting, counted after alias expansion (GitLab's max_yaml_depth is 100). */
  maxDepth: number;
}

export interface ParsedYaml {
  src: SourceFile;
  /** One tree per YAML document (empty when the text has a syntax error or breaks a limit). */
  docs: YNode[];
  findings: Finding[];
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
function syntaxFinding(src: SourceFile, code: string, message: string, pos: [number, number]): Finding {
  const text = src.text;
  const flow = /end with an? ([\]}])/.exec(message);
  if (flow) {
    const close = flow[1] ?? ']';
    const open = close === ']' ? '[' : '{';
    const at = unclosedOpener(text, pos[0], open, close);
    if (at !== undefined) {
      const what = open === '[' ? 'flow sequence' : 'flow mapping';
      return findingAt('syntax', `unclosed ${what}: expected ${close} to close this ${open}`, {
        src,
        start: at,
        end: at + 1,
      });
    }
  }
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const q = quote[1] ?? '"';
    const at = text.lastIndexOf(q, pos[0] - 1);
    if (at >= 0)
      return findingAt(
        'syntax',
        `unclosed ${q === '"' ? 'double' : 'single'}-quoted string: expected ${q} to end it`,
        { src, start: at, end: at + 1 },
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
  return findingAt('syntax', syntaxMessage(code, message), { src, start, end });
}

export function parseYaml(text: string, path: string, limits: YamlLimits): ParsedYaml {
  const lines = new LineCounter();
  const src: SourceFile = { path, text, lines };
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxBytes) {
    return {
      src,
      docs: [],
      findings: [
        fileFinding(
          'file-too-large',
          `file is ${humanBytes(size)}; expected at most ${humanBytes(limits.maxBytes)}`,
          path,
        ),
      ],
    };
  }
  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, {
      lineCounter: lines,
      prettyErrors: false,
      // Duplicate keys are found while building the tree (one pass instead of yaml's quadratic check).
      uniqueKeys: false,
      customTags,
      strict: true,
    });
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // yaml can overflow the stack on absurd nesting; never let that become a stack trace.
    const why = e instanceof RangeError ? 'nesting is too deep' : e instanceof Error ? e.message : String(e);
    return {
      src,
      docs: [],
      findings: [
        findingAt('yaml-limit', `cannot parse: ${why}; expected at most ${limits.maxDepth} levels`, {
          src,
          start: 0,
          end: 0,
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  let errors = documents.flatMap((d) => d.errors);
  // A tab in indentation makes yaml report several follow-on errors; the tab is the one to fix.
  if (errors.some((e) => e.code === 'TAB_AS_INDENT'))
    errors = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const seenLines = new Set<number>();
  for (const e of errors) {
    const f = syntaxFinding(src, e.code, e.message, e.pos);
    if (seenLines.has(f.line)) continue; // one finding per line: the first is the cause
    seenLines.add(f.line);
    findings.push(f);
  }
  if (findings.length > 0) return { src, docs: [], findings };
  const builder = new TreeBuilder(src, limits, findings);
  const docs: YNode[] = [];
  for (const doc of documents) {
    const root = builder.build(doc);
    if (findings.length > 0) return { src, docs: [], findings };
    docs.push(root);
  }
  if (builder.aliasCount > 0 && !builder.checkExpansion(docs)) return { src, docs: [], findings };
  return { src, docs, findings };
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

class TreeBuilder {
  private readonly memo = new Map<YamlNode, YNode>();
  private readonly building = new Set<YamlNode>();
  /** Anchors seen so far in document order: an alias names the latest one before it (yaml's own
   * Alias.resolve walks the whole document per alias, quadratic on large CI files). */
  private anchors = new Map<string, YamlNode>();
  /** Aliases resolved so far: without any, nothing can expand beyond the source. */
  aliasCount = 0;

  constructor(
    private readonly src: SourceFile,
    private readonly limits: YamlLimits,
    private readonly findings: Finding[],
  ) {}

  build(doc: Document.Parsed): YNode {
    this.anchors = new Map();
    const contents = doc.contents;
    if (!contents) {
      const at = doc.range?.[0] ?? 0;
      return { kind: 'scalar', value: null, style: 'plain', span: this.span(at, at) };
    }
    return this.node(contents, 0);
  }

  private span(start: number, end: number): Span {
    return { src: this.src, start, end };
  }

  private rangeSpan(n: { range?: [number, number, number] | null }): Span {
    const r = n.range;
    return r ? this.span(r[0], r[1]) : this.span(0, 0);
  }

  /** Resolves an alias to its anchored node; reports unknown and self-referencing anchors. */
  private deref(n: YamlNode): { target?: YamlNode; via?: Via } {
    if (!isAlias(n)) return { target: n };
    const span = this.rangeSpan(n);
    const target = this.anchors.get(n.source);
    if (!target) {
      this.findings.push(
        findingAt('syntax', `unknown anchor &${n.source}; expected an anchor defined before the alias`, span),
      );
      return {};
    }
    if (this.building.has(target)) {
      this.findings.push(
        findingAt(
          'yaml-limit',
          `alias *${n.source} refers to its own anchor; expected a finite document`,
          span,
        ),
      );
      return {};
    }
    this.aliasCount++;
    return { target, via: { kind: 'alias', span, name: n.source } };
  }

  private node(n: YamlNode, depth: number): YNode {
    const cached = this.memo.get(n);
    if (cached) return cached;
    if (depth > this.limits.maxDepth) {
      this.findings.push(
        findingAt(
          'yaml-limit',
          `nesting deeper than ${this.limits.maxDepth} levels; expected a flatter document`,
          this.rangeSpan(n),
        ),
      );
      return this.nullAt(n);
    }
    let out: YNode;
    if (n.anchor) this.anchors.set(n.anchor, n);
    this.building.add(n);
    if (isScalar(n)) {
      const v = n.value;
      const value =
        v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : String(v);
      out = { kind: 'scalar', value, style: scalarStyle(n.type), span: this.rangeSpan(n) };
    } else if (isSeq(n)) {
      const items: YNode[] = [];
      const via: (Via | undefined)[] = [];
      for (const it of n.items as YamlNode[]) {
        const { target, via: v } = this.deref(it);
        if (!target) continue;
        items.push(this.node(target, depth + 1));
        via.push(v);
      }
      out = { kind: 'seq', items, via, span: this.rangeSpan(n) };
    } else if (isMap(n)) {
      out = this.map(n.items as Pair<YamlNode, YamlNode>[], this.rangeSpan(n), depth);
    } else {
      out = this.nullAt(n);
    }
    if (n.tag) out.tag = n.tag;
    if (n.anchor) out.anchor = n.anchor;
    if (
      out.tag !== '!reference' &&
      (out.kind === 'scalar' ||
        (out.kind === 'seq'
          ? out.items.every((i) => i.referenceFree)
          : out.entries.every((e) => e.value.referenceFree)))
    )
      out.referenceFree = true;
    this.building.delete(n);
    this.memo.set(n, out);
    return out;
  }

  private nullAt(n: YamlNode): YScalar {
    return { kind: 'scalar', value: null, style: 'plain', span: this.rangeSpan(n) };
  }

  private keyOf(pair: Pair<YamlNode, YamlNode>): YScalar {
    const k = pair.key as YamlNode | null;
    if (k === null || k === undefined) {
      const at = (pair.value as YamlNode | null)?.range?.[0] ?? 0;
      return { kind: 'scalar', value: '', style: 'plain', span: this.span(at, at) };
    }
    const { target } = this.deref(k);
    const node = target ? this.node(target, 0) : this.nullAt(k);
    if (node.kind === 'scalar') return isAlias(k) ? { ...node, span: this.rangeSpan(k) } : node;
    // A complex key (a map or list as key) is kept under its JSON text.
    return { kind: 'scalar', value: JSON.stringify(node.kind), style: 'plain', span: this.rangeSpan(k) };
  }

  /** The mappings a `<<` value names: an alias, a mapping, or a list of them. */
  private mergeSources(value: YamlNode, depth: number): { node: YNode; name: string; span: Span }[] {
    const out: { node: YNode; name: string; span: Span }[] = [];
    const { target, via } = this.deref(value);
    if (!target) return out;
    if (isSeq(target)) {
      for (const it of target.items as YamlNode[]) {
        const r = this.deref(it);
        if (r.target)
          out.push({
            node: this.node(r.target, depth + 1),
            name: r.via?.name ?? '',
            span: this.rangeSpan(it),
          });
      }
    } else
      out.push({ node: this.node(target, depth + 1), name: via?.name ?? '', span: this.rangeSpan(value) });
    return out;
  }

  private map(pairs: Pair<YamlNode, YamlNode>[], span: Span, depth: number): YMap {
    const map = newMap(span);
    const merges: { sources: { node: YNode; name: string; span: Span }[]; keySpan: Span }[] = [];
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const rawKey = pair.key as YamlNode | null;
      // `<<` plain key: YAML 1.1 merge key, as GitLab's Psych reads it.
      if (isScalar(rawKey) && rawKey.value === '<<' && rawKey.type === Scalar.PLAIN && pair.value) {
        // Resolved here, in document order, and applied after the explicit keys.
        merges.push({
          sources: this.mergeSources(pair.value as YamlNode, depth),
          keySpan: this.rangeSpan(rawKey),
        });
        continue;
      }
      const keyNode = this.keyOf(pair);
      const key = keyNode.value === null ? '' : String(keyNode.value);
      const rawValue = pair.value as YamlNode | null;
      let value: YNode;
      let via: Via | undefined;
      if (rawValue === null || rawValue === undefined) {
        value = {
          kind: 'scalar',
          value: null,
          style: 'plain',
          span: this.span(keyNode.span.end, keyNode.span.end),
        };
      } else {
        const r = this.deref(rawValue);
        if (!r.target) continue;
        value = this.node(r.target, depth + 1);
        via = r.via;
      }
      const prev = map.byKey.get(key);
      if (prev) {
        const { line } = this.src.lines.linePos(prev.keyNode.span.start);
        this.findings.push(
          findingAt(
            'syntax',
            `key "${key}" is defined twice (first at line ${line}); expected each key once`,
            keyNode.span,
          ),
        );
      }
      const entry: YEntry = { key, keyNode, value };
      if (via) entry.via = via;
      if (prev) map.entries.splice(map.entries.indexOf(prev), 1);
      map.entries.push(entry);
      map.byKey.set(key, entry);
    }
    // Explicit keys win over merged ones; earlier merge sources win over later ones (yaml.org/type/merge).
    for (const m of merges) {
      for (const src of m.sources) {
        const merged = src.node;
        if (merged.kind !== 'map') {
          this.findings.push(
            findingAt(
              'syntax',
              'a merge key (<<) takes a mapping or a list of mappings; expected an alias of a mapping',
              src.span,
            ),
          );
          continue;
        }
        for (const e of merged.entries) {
          if (map.byKey.has(e.key)) continue;
          const entry: YEntry = { ...e, via: { kind: 'merge', span: m.keySpan, name: src.name } };
          map.entries.push(entry);
          map.byKey.set(e.key, entry);
        }
      }
    }
    return map;
  }

  /** Counts nodes and depth after alias expansion (memoised, so a bomb costs no more than its source). */
  checkExpansion(docs: YNode[]): boolean {
    const size = new Map<YNode, number>();
    const deep = new Map<YNode, number>();
    const cap = this.limits.maxNodes + 1;
    const visit = (n: YNode, level: number): void => {
      if (size.has(n)) return;
      if (level > this.limits.maxDepth * 4) {
        // Chains of aliases nest deeper than the source; stop before the JS stack does.
        size.set(n, cap);
        deep.set(n, this.limits.maxDepth + 1);
        return;
      }
      let s = 1;
      let d = 0;
      const children: YNode[] =
        n.kind === 'seq' ? n.items : n.kind === 'map' ? n.entries.map((e) => e.value) : [];
      for (const c of children) {
        visit(c, level + 1);
        s = Math.min(cap, s + (size.get(c) ?? 0) + (n.kind === 'map' ? 1 : 0));
        d = Math.max(d, (deep.get(c) ?? 0) + 1);
      }
      size.set(n, s);
      deep.set(n, d);
    };
    for (const root of docs) {
      visit(root, 0);
      if ((size.get(root) ?? 0) > this.limits.maxNodes) {
        this.findings.push(
          findingAt(
            'yaml-limit',
            `aliases expand to more than ${this.limits.maxNodes.toLocaleString('en-US')} nodes; refusing a possible alias bomb`,
            root.span.start === root.span.end ? root.span : { ...root.span, end: root.span.start },
          ),
        );
        return false;
      }
      if ((deep.get(root) ?? 0) > this.limits.maxDepth) {
        this.findings.push(
          findingAt(
            'yaml-limit',
            `nesting deeper than ${this.limits.maxDepth} levels after aliases; expected a flatter document`,
            { ...root.span, end: root.span.start },
          ),
        );
        return false;
      }
    }
    return true;
  }
}
