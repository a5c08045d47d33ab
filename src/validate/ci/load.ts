/**
 * A `.gitlab-ci.yml` resolved offline the way GitLab builds it (lib/gitlab/ci/config.rb build_config):
 * local includes deep-merged under the file, then `extends`, then `!reference` tags. Nothing is
 * copied: merged mappings point at the nodes where they were written, so findings keep real lines.
 */
import { posix } from 'node:path';
import { findingAt, type Finding } from '../finding.js';
import { ciInclude } from '../rules/ci-structure.js';
import { syntax, yamlFindings } from '../rules/yaml.js';
import { parseYaml, type YamlLimits } from '../../yaml/read.js';
import {
  get,
  newMap,
  str,
  type SourceFile,
  type Span,
  type YMap,
  type YNode,
  type YScalar,
} from '../../yaml/tree.js';

/** GitLab's defaults: max_yaml_size_bytes 2 MB, max_yaml_depth 100 (ApplicationSetting). */
export const CI_LIMITS: YamlLimits = { maxBytes: 2 * 1024 * 1024, maxNodes: 1_000_000, maxDepth: 100 };

import { GLOBAL_KEYWORDS, resolveExtends } from './extends.js';
import { deepMerge } from './merge.js';
import { resolveReferences } from './references.js';

export { GLOBAL_KEYWORDS } from './extends.js';
export { deepMerge } from './merge.js';

// GitLab's default limit on included files per pipeline.
const MAX_INCLUDES = 150;

export interface CiJob {
  name: string;
  keyNode: YScalar;
  /** The job after extends and !reference, its entries still pointing at their real nodes. */
  node: YMap;
}

export interface CiModel {
  root: YMap;
  jobs: CiJob[];
  /** Every file the tree was read from (the file and its local includes). */
  sources: SourceFile[];
}

export interface CiFs {
  /** Reads a file (absolute path); undefined when it cannot be read. */
  read(absPath: string): string | undefined;
  /** Files under `dir` matching a glob relative to it (for `include: local: 'ci/*.yml'`). */
  glob(dir: string, pattern: string): string[];
  /** The path findings print for an absolute path. */
  display(absPath: string): string;
}

export interface CiLoad {
  model?: CiModel;
  findings: Finding[];
  sources: SourceFile[];
}

/** A file's content document: the one after a `spec:` header when there is one. */
function contentDoc(docs: YNode[], src: SourceFile, findings: Finding[]): YNode | undefined {
  if (docs.length <= 1) return docs[0];
  if (docs.length === 2 && docs[0]?.kind === 'map' && docs[0].byKey.has('spec')) return docs[1];
  const extra = docs[1];
  findings.push(
    findingAt(
      syntax,
      'a second YAML document (---); expected one document, or a spec: header and one document',
      extra ? { ...extra.span, end: extra.span.start } : { src, start: 0, end: 0 },
    ),
  );
  return undefined;
}

interface IncludeRef {
  path: string;
  span: Span;
}

/**
 * The local files an `include:` names (strings without a scheme, or `local:`); `others` counts the
 * remote, project, template and component includes, which are not read.
 */
function localIncludes(node: YNode | undefined): { local: IncludeRef[]; others: number } {
  if (!node) return { local: [], others: 0 };
  const items = node.kind === 'seq' ? node.items : [node];
  const local: IncludeRef[] = [];
  let others = 0;
  for (const it of items) {
    if (it.kind === 'scalar' && typeof it.value === 'string') {
      if (!/^[a-z]+:\/\//i.test(it.value)) local.push({ path: it.value, span: it.span });
      else others++;
    } else if (it.kind === 'map') {
      const l = get(it, 'local');
      const p = str(l);
      if (p !== undefined && l) local.push({ path: p, span: l.span });
      else others++;
    }
  }
  return { local, others };
}

/** Reads a CI file and, underneath it, the local files it includes (recursively, each once). */
class CiReader {
  readonly findings: Finding[] = [];
  readonly sources: SourceFile[] = [];
  /** Includes that are not read offline: an unknown extends or !reference target may live there. */
  unreadIncludes = false;
  private readonly baseDir: string;
  private readonly included: Set<string>;

  constructor(
    absPath: string,
    private readonly fs: CiFs,
    private readonly limits: YamlLimits,
  ) {
    this.baseDir = posix.dirname(absPath.replace(/\\/g, '/'));
    this.included = new Set([absPath]);
  }

  /** A file's top-level mapping, or undefined (its problems are findings). */
  readTree(content: string, abs: string): YMap | undefined {
    const parsed = parseYaml(content, this.fs.display(abs), this.limits);
    this.sources.push(parsed.src);
    if (parsed.problems.length > 0) {
      this.findings.push(...yamlFindings(parsed.problems, parsed.src.path));
      return undefined;
    }
    const doc = contentDoc(parsed.docs, parsed.src, this.findings);
    if (!doc) return undefined;
    if (doc.kind === 'scalar' && doc.value === null) return newMap(doc.span);
    if (doc.kind === 'map') return doc;
    const span = { ...doc.span, end: doc.span.start };
    this.findings.push(findingAt(syntax, 'expected a mapping of jobs and keywords at the top level', span));
    return undefined;
  }

  /** A file with its local includes merged underneath it (included first, the file itself last). */
  withIncludes(tree: YMap, depth: number): YMap {
    const includeEntry = tree.byKey.get('include');
    if (!includeEntry) return tree;
    let merged: YMap = newMap(tree.span);
    const { local, others } = localIncludes(includeEntry.value);
    if (others > 0) this.unreadIncludes = true;
    for (const inc of local) {
      for (const sub of this.includedTrees(inc, depth)) {
        merged = deepMerge(merged, this.withIncludes(sub, depth + 1), merged.span);
      }
    }
    const own = newMap(
      tree.span,
      tree.entries.filter((e) => e.key !== 'include'),
    );
    return deepMerge(merged, own, tree.span);
  }

  private report(message: string, inc: IncludeRef): void {
    this.findings.push(findingAt(ciInclude, message, inc.span));
  }

  /**
   * The trees of the files one `include: local` names (a glob may name several), one at a time: the
   * caller merges each, with its own includes, before the next is read (GitLab's order).
   */
  private *includedTrees(inc: IncludeRef, depth: number): Generator<YMap> {
    const rel = inc.path.replace(/^\/+/, '');
    const dir = this.fs.display(this.baseDir) || '.';
    const targets = /[*?[]/.test(rel) ? this.fs.glob(this.baseDir, rel) : [posix.join(this.baseDir, rel)];
    if (targets.length === 0)
      this.report(`no file matches local include "${inc.path}"; expected a path relative to ${dir}`, inc);
    for (const abs of targets) {
      if (this.included.has(abs)) continue;
      if (this.included.size >= MAX_INCLUDES || depth > 100) {
        this.report(`more than ${MAX_INCLUDES} included files; expected fewer includes`, inc);
        break;
      }
      this.included.add(abs);
      const content = this.fs.read(abs);
      if (content === undefined) {
        this.report(`local include "${inc.path}" cannot be read; expected a file relative to ${dir}`, inc);
        continue;
      }
      const sub = this.readTree(content, abs);
      if (sub) yield sub;
    }
  }
}

export function loadCi(text: string, absPath: string, fs: CiFs, limits: YamlLimits = CI_LIMITS): CiLoad {
  const reader = new CiReader(absPath, fs, limits);
  const { findings, sources } = reader;
  const main = reader.readTree(text, absPath);
  if (!main) return { findings, sources };
  const root = reader.withIncludes(main, 0);
  const extended = resolveExtends(root, findings, reader.unreadIncludes);
  const resolved = sources.some((src) => src.text.includes('!reference'))
    ? resolveReferences(extended, findings, reader.unreadIncludes)
    : extended;
  const jobs: CiJob[] = [];
  for (const e of resolved.entries) {
    if (GLOBAL_KEYWORDS.has(e.key) || e.key.startsWith('.') || e.value.kind !== 'map') continue;
    jobs.push({ name: e.key, keyNode: e.keyNode, node: e.value });
  }
  return { model: { root: resolved, jobs, sources }, findings, sources };
}
