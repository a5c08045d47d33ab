/**
 * The YAML reader with positions: text → position-keeping trees (tree.ts), and every problem as a
 * YamlProblem (problem.ts) with its span: syntax errors, files over the size limit, and anchors,
 * aliases and merge keys that would expand too far (bound.ts), refused before anything is built.
 * It knows nothing of validate's rules; validate turns problems into findings.
 */
import { LineCounter } from 'yaml';
import { ExpansionBound } from './bound.js';
import { TreeBuilder } from './build.js';
import { parseComposed } from './composed.js';
import { readEvents } from './events.js';
import type { YamlLimits, YamlProblem } from './problem.js';
import type { RawNode } from './raw.js';
import type { SourceFile, Span, YNode } from './tree.js';

export type { YamlLimits, YamlProblem, YamlProblemCode } from './problem.js';

export interface ParsedYaml {
  src: SourceFile;
  /** One tree per YAML document (empty when the text has a syntax error or breaks a limit). */
  docs: YNode[];
  /** Empty when the text is valid YAML within the limits. */
  problems: YamlProblem[];
}

function humanBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** The first document that expands beyond the limits, as a problem at its start. */
function expansionProblem(
  src: SourceFile,
  roots: (RawNode | null)[],
  limits: YamlLimits,
): YamlProblem | undefined {
  const bound = new ExpansionBound(limits);
  for (const root of roots) {
    if (!root) continue;
    const r = bound.check(root);
    if (r.ok) continue;
    const start = r.at.start;
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
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  // The fast reader when it can (events.ts), else the yaml library as always (composed.ts).
  const fast = readEvents(text, limits.maxDepth);
  const parsed = fast ? { roots: fast, starts: fast.map((r) => r.start) } : parseComposed(src, limits);
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
