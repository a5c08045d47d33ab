/**
 * Templates in a spec job's `variables` and `files`: they must parse (template-syntax), use only the
 * constructs the renderer allows (template-not-allowed: src/export/template-guard.ts, the same check the
 * renderer runs) and name only the template values (template-unknown-value: the renderer uses strict
 * undefined, so an unknown name fails at run time — better here, with its position).
 */
import { renderEngine } from '../../export/render.js';
import {
  checkTree,
  freeNames,
  hasLookup,
  parseTemplate,
  type TemplateName,
} from '../../export/template-guard.js';
import { TEMPLATE_VALUES } from '../../spec/template-values.js';
import { didYouMean } from '../suggest.js';
import { findingAt } from '../finding.js';
import type { Report, Rule, SpecJobContext } from '../rule.js';
import { specTemplates } from '../spec/jobs.js';
import { spanInScalar } from '../../yaml/locate.js';
import type { Via, YScalar } from '../../yaml/tree.js';

// The engine is provided by whoever checks specs (spec/load.ts): checking a CI file never loads it.

const KNOWN = new Set<string>(TEMPLATE_VALUES);

// A trial render with the renderer's engine (strict undefined) catches lookups such as
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
function unknownNames(root: unknown): TemplateName[] {
  return freeNames(root).filter((n) => !KNOWN.has(n.name));
}

interface TemplateAnalysis {
  syntax?: { message: string; line?: number; col?: number };
  notAllowed?: string;
  unknown: { name: string; line: number; col: number }[];
  renderError?: string;
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
    root = parseTemplate(text);
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
      checkTree(root);
      out.unknown = unknownNames(root);
      // Only a lookup (username.x) can render undefined once every name is known.
      if (out.unknown.length === 0 && hasLookup(root)) {
        try {
          renderEngine().renderString(text, { ...SAMPLE });
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
function check(node: YScalar, what: string, via: Via | undefined, report: Report): void {
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
        templateSyntax,
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
        templateNotAllowed,
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
        templateUnknownValue,
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
        templateUnknownValue,
        `unknown template value "${u.name}" in ${what}; ${guess ? `did you mean "${guess}"? ` : ''}expected one of ${TEMPLATE_VALUES.join(', ')}`,
        spanInScalar(node, start, start + u.name.length),
        via,
      ),
    );
  }
}

function checkJob({ job, report }: SpecJobContext): void {
  for (const t of specTemplates(job)) check(t.node, t.what, t.via, report);
}

export const templateSyntax: Rule = {
  id: 'template-syntax',
  severity: 'error',
  summary: 'template does not parse',
  help: 'Templates in variables and files are nunjucks: {{ value }}, {% if %}…{% endif %}, filters with |.',
  // One check per template reports all three template rules (a template that does not parse has no
  // constructs or names to judge).
  specJob: checkJob,
};

export const templateNotAllowed: Rule = {
  id: 'template-not-allowed',
  severity: 'error',
  summary: 'template uses a construct that is not allowed',
  help: 'Templates may only output values, use if/for, literal lookups and a few pure filters (default, join, upper, lower, trim, replace, urlencode, base64, …). Calls, set, macros, include and import are refused because nunjucks is not a sandbox.',
};

export const templateUnknownValue: Rule = {
  id: 'template-unknown-value',
  severity: 'error',
  summary: 'template names a value that does not exist',
  help: 'Templates render with strict undefined; the only values are username, password, gitlab_url, gitlab_host, api_url, registry, dependency_proxy, project_id, project_path, token_id, expires_at and scopes.',
};
