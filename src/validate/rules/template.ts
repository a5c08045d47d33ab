/**
 * Templates in a spec job's `variables` and `files`: they must parse (template-syntax), use only the
 * constructs the renderer allows (template-not-allowed: src/export/template-guard.ts, the same check the
 * renderer runs) and name only the template values (template-unknown-value: the renderer uses strict
 * undefined, so an unknown name fails at run time — better here, with its position).
 */
import nunjucks from 'nunjucks';
import { provideTemplating } from '../../export/templating.js';
import { checkTemplate } from '../../export/template-guard.js';
import { TEMPLATE_VALUES } from '../../spec/template-values.js';
import { didYouMean } from '../spec/schema.js';
import { findingAt, type Finding } from '../finding.js';
import { spanInScalar } from '../../yaml/locate.js';
import type { Via, YScalar } from '../../yaml/tree.js';

// The guard (export/template-guard.ts) parses with the same engine.
provideTemplating(nunjucks);

interface AstNode {
  typename: string;
  fields?: string[];
  value?: unknown;
  lineno?: number;
  colno?: number;
  [k: string]: unknown;
}

function isNode(x: unknown): x is AstNode {
  return typeof x === 'object' && x !== null && typeof (x as { typename?: unknown }).typename === 'string';
}

const parser = (nunjucks as unknown as { parser: { parse(src: string): unknown } }).parser;
const KNOWN = new Set<string>(TEMPLATE_VALUES);

// A trial render with strict undefined, as the renderer does, catches lookups such as
// {{ username.nope }} that name a known value but still render undefined.
const SAMPLE: Record<string, unknown> = {
  username: 'gitlab+deploy-token-1',
  password: 'sample-password',
  gitlab_url: 'https://gitlab.example.com',
  gitlab_host: 'gitlab.example.com',
  api_url: 'https://gitlab.example.com/api/v4',
  registry: 'registry.example.com',
  dependency_proxy: 'gitlab.example.com:443',
  project_id: 1,
  project_path: 'group/project',
  token_id: 1,
  expires_at: '2030-01-01',
  scopes: ['read_registry'],
};
let strictEnv: nunjucks.Environment | undefined;
function strictEngine(): nunjucks.Environment {
  if (!strictEnv) {
    strictEnv = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
    strictEnv.addFilter('base64', (s: unknown) => Buffer.from(String(s), 'utf8').toString('base64'));
  }
  return strictEnv;
}

function offsetOf(text: string, line0: number, col0: number): number {
  let off = 0;
  for (let l = 0; l < line0; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return Math.min(text.length, off + col0);
}

/** Names a template reads that are not template values (loop variables and `loop` are local). */
function unknownNames(root: unknown): { name: string; line: number; col: number }[] {
  const out: { name: string; line: number; col: number }[] = [];
  const walk = (n: unknown, locals: ReadonlySet<string>): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x, locals);
      return;
    }
    if (!isNode(n)) return;
    switch (n.typename) {
      case 'Symbol': {
        const name = String(n.value);
        if (!KNOWN.has(name) && !locals.has(name)) out.push({ name, line: n.lineno ?? 0, col: n.colno ?? 0 });
        return;
      }
      case 'Filter':
        walk(n.args, locals); // n.name is the filter's name, not a value
        return;
      case 'Is':
        walk(n.left, locals); // n.right names a test (defined, string…)
        return;
      case 'LookupVal':
        walk(n.target, locals);
        return;
      case 'For': {
        walk(n.arr, locals);
        const inner = new Set(locals);
        inner.add('loop');
        const names =
          isNode(n.name) && n.name.typename === 'Array' ? (n.name.children as unknown[]) : [n.name];
        for (const s of names) if (isNode(s) && s.typename === 'Symbol') inner.add(String(s.value));
        walk(n.body, inner);
        walk(n.else_, locals);
        return;
      }
      default:
        for (const f of n.fields ?? []) walk(n[f], locals);
    }
  };
  walk(root, new Set());
  return out;
}

interface TemplateAnalysis {
  syntax?: { message: string; line?: number; col?: number };
  notAllowed?: string;
  unknown: { name: string; line: number; col: number }[];
  renderError?: string;
}

function hasLookup(n: unknown): boolean {
  if (Array.isArray(n)) return n.some(hasLookup);
  if (!isNode(n)) return false;
  return n.typename === 'LookupVal' || (n.fields ?? []).some((f) => hasLookup(n[f]));
}

function lastLine(e: unknown): string | undefined {
  return String((e as { message?: unknown }).message ?? e)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
}

const analyses = new Map<string, TemplateAnalysis>();

/** What is wrong with a template text, cached by text (specs repeat the same templates). */
function analyze(text: string): TemplateAnalysis {
  const cached = analyses.get(text);
  if (cached) return cached;
  const out: TemplateAnalysis = { unknown: [] };
  let root: unknown;
  try {
    root = parser.parse(text);
  } catch (e) {
    const err = e as { lineno?: unknown; colno?: unknown };
    // Parser errors carry 1-based positions when they have any.
    out.syntax = {
      message: lastLine(e) ?? 'syntax error',
      ...(typeof err.lineno === 'number' ? { line: err.lineno - 1 } : {}),
      ...(typeof err.colno === 'number' ? { col: err.colno - 1 } : {}),
    };
  }
  if (!out.syntax) {
    try {
      checkTemplate(text);
      out.unknown = unknownNames(root);
      // Only a lookup (username.x) can render undefined once every name is known.
      if (out.unknown.length === 0 && hasLookup(root)) {
        try {
          strictEngine().renderString(text, { ...SAMPLE });
        } catch (e) {
          out.renderError = lastLine(e) ?? 'strict undefined';
        }
      }
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      // Lower-case a leading word ("Filter …"), keep a node name ("FunCall …").
      out.notAllowed = /^[A-Z][a-z]+\b/.test(msg) ? msg.charAt(0).toLowerCase() + msg.slice(1) : msg;
    }
  }
  if (analyses.size > 5000) analyses.clear();
  analyses.set(text, out);
  return out;
}

/** Checks one template scalar. `what` names it in messages, e.g. `variable REGISTRY_USER`. */
export function checkTemplateScalar(
  node: YScalar,
  what: string,
  via: Via | undefined,
  report: (f: Finding) => void,
): void {
  if (typeof node.value !== 'string') return;
  const text = node.value;
  const a = analyze(text);
  if (a.syntax) {
    const { line, col } = a.syntax;
    const span =
      line !== undefined && col !== undefined
        ? spanInScalar(node, offsetOf(text, line, col), offsetOf(text, line, col) + 2)
        : node.span;
    report(
      findingAt(
        'template-syntax',
        `template of ${what} does not parse: ${a.syntax.message}; expected {{ value }} or {% … %} blocks`,
        span,
        via,
      ),
    );
    return;
  }
  if (a.notAllowed) {
    report(
      findingAt(
        'template-not-allowed',
        `template of ${what}: ${a.notAllowed}; expected values, if/for and pure filters only`,
        node.span,
        via,
      ),
    );
    return;
  }
  if (a.renderError) {
    report(
      findingAt(
        'template-unknown-value',
        `template of ${what} renders an undefined value (${a.renderError}); expected only the template values and their fields`,
        node.span,
        via,
      ),
    );
  }
  for (const u of a.unknown) {
    const start = offsetOf(text, u.line, u.col);
    const guess = didYouMean(u.name, TEMPLATE_VALUES);
    report(
      findingAt(
        'template-unknown-value',
        `unknown template value "${u.name}" in ${what}; ${guess ? `did you mean "${guess}"? ` : ''}expected one of ${TEMPLATE_VALUES.join(', ')}`,
        spanInScalar(node, start, start + u.name.length),
        via,
      ),
    );
  }
}
