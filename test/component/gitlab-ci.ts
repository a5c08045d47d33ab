/**
 * GitLab CI/CD configuration as GitLab reads it, for the tests of the components, the examples and the
 * project's own pipeline: GitLab's CI schema (ci-schema/ci.json, see ci-schema/SOURCE.md), components
 * (the `spec:` header and the jobs), `$[[ inputs.NAME ]]` interpolation, and `rules:if` expressions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const read = (rel: string) => readFileSync(join(root, rel), 'utf8');

// ---------------------------------------------------------------------------------------------
// GitLab's schema

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function ciValidator(): ValidateFunction {
  const schema = JSON.parse(read('test/component/ci-schema/ci.json')) as JsonObject;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addKeyword('markdownDescription');
  // The formats ci.json uses, as loosely as GitLab's editor reads them.
  ajv.addFormat('uri', (v: string) => /^[a-z][a-z0-9+.-]*:\S*$/i.test(v));
  ajv.addFormat('uri-reference', (v: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(v));
  ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
  ajv.addFormat('regex', (v: string) => {
    try {
      new RegExp(v);
      return true;
    } catch {
      return false;
    }
  });
  return ajv.compile(schema);
}
const validateCi = ciValidator();

export function schemaErrors(value: unknown): string[] {
  if (validateCi(value)) return [];
  return (validateCi.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Components: header, inputs, interpolation

export type InputType = 'string' | 'number' | 'boolean' | 'array';
export type InputValue = string | number | boolean | Json[];
export interface InputSpec {
  type: InputType;
  default?: InputValue;
  options?: InputValue[];
  regex?: string;
  description?: string;
  raw: JsonObject;
}
export interface Component {
  file: string;
  name: string;
  header: JsonObject;
  inputs: Map<string, InputSpec>;
  bodyText: string;
  body: JsonObject;
}

/** `spec:inputs` keys GitLab documents (docs/ci/inputs: type, default, description, options, regex, rules). */
export const INPUT_KEYS = new Set(['type', 'default', 'description', 'options', 'regex', 'rules']);

export function loadComponent(file: string): Component {
  const text = read(file);
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error(`${file}: not YAML documents`);
  expect(docs.map((d) => d.errors.map((e) => e.message)).flat()).toEqual([]);
  expect(docs).toHaveLength(2);
  const [headerDoc, bodyDoc] = docs as [(typeof docs)[0], (typeof docs)[0]];
  const header = headerDoc.toJS() as JsonObject;
  const body = bodyDoc.toJS() as JsonObject;
  const inputs = new Map<string, InputSpec>();
  const spec = header.spec as JsonObject | undefined;
  for (const [name, v] of Object.entries((spec?.inputs as JsonObject | null | undefined) ?? {})) {
    const raw = (v ?? {}) as JsonObject;
    const input: InputSpec = { type: (raw.type as InputType | undefined) ?? 'string', raw };
    if ('default' in raw) input.default = raw.default as InputValue;
    if (Array.isArray(raw.options)) input.options = raw.options as InputValue[];
    if (typeof raw.regex === 'string') input.regex = raw.regex;
    if (typeof raw.description === 'string') input.description = raw.description;
    inputs.set(name, input);
  }
  // The body's source text: everything after the `---` line that ends the header.
  const bodyStart = bodyDoc.range[0];
  return {
    file,
    name: file.replace(/^templates\//, '').replace(/\.ya?ml$/, ''),
    header,
    inputs,
    bodyText: text.slice(bodyStart),
    body,
  };
}

export const USE = /\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*((?:\|\s*[a-z_]+(?:\([^)]*\))?\s*)*)\]\]/g;
const FUNCTIONS = new Set(['expand_vars', 'truncate', 'posix_escape']);

export function usedInputs(text: string): string[] {
  return [...text.matchAll(USE)].map((m) => m[1] ?? '');
}

export function ofType(v: unknown, t: InputType): boolean {
  if (t === 'array') return Array.isArray(v);
  return typeof v === t;
}

function renderValue(v: InputValue, fns: string): string {
  let s = Array.isArray(v) ? JSON.stringify(v) : String(v);
  for (const f of fns
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+)(?:\(([^)]*)\))?$/.exec(f);
    const name = m?.[1] ?? f;
    if (!FUNCTIONS.has(name)) throw new Error(`unknown interpolation function ${f}`);
    if (name === 'truncate') {
      const [off, len] = (m?.[2] ?? '').split(',').map((x) => Number(x.trim()));
      s = s.slice(off ?? 0, (off ?? 0) + (len ?? s.length));
    } else if (name === 'posix_escape') {
      s = s.replace(/[^A-Za-z0-9_\-.,:/@\n]/g, (c) => `\\${c}`);
    }
  }
  return s;
}

/**
 * GitLab interpolates the loaded YAML: in keys and string values; a string that is one
 * `$[[ inputs.x ]]` and nothing else takes the input's typed value.
 */
export function interpolate(node: unknown, values: Record<string, InputValue>): unknown {
  const one = (s: string): unknown => {
    const whole = new RegExp(`^${USE.source}$`).exec(s);
    if (whole && !(whole[2] ?? '').trim()) {
      const v = values[whole[1] ?? ''];
      if (v === undefined) throw new Error(`undeclared input ${whole[1]}`);
      return v;
    }
    return s.replace(USE, (_m, name: string, fns: string) => {
      const v = values[name];
      if (v === undefined) throw new Error(`undeclared input ${name}`);
      return renderValue(v, fns);
    });
  };
  if (typeof node === 'string') return one(node);
  if (Array.isArray(node)) return node.map((n) => interpolate(n, values));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[String(one(k))] = interpolate(v, values);
    return out;
  }
  return node;
}

export function defaults(c: Component): Record<string, InputValue> {
  const out: Record<string, InputValue> = {};
  for (const [name, i] of c.inputs) if (i.default !== undefined) out[name] = i.default;
  return out;
}

/** Values other than the defaults, one set per pass: the k-th other option, flipped booleans, … */
export function nonDefaults(c: Component): Record<string, InputValue>[] {
  const passes = Math.max(1, ...[...c.inputs.values()].map((i) => (i.options?.length ?? 1) - 1));
  const out: Record<string, InputValue>[] = [];
  for (let k = 0; k < passes; k++) {
    const values = defaults(c);
    for (const [name, i] of c.inputs) {
      const others = (i.options ?? []).filter((o) => o !== i.default);
      if (others.length > 0) values[name] = others[k % others.length] as InputValue;
      else if (i.options) continue;
      else if (i.type === 'boolean') values[name] = !(i.default as boolean);
      else if (i.type === 'number') values[name] = Number(i.default ?? 0) + 3;
      else if (i.type === 'array') values[name] = ['alt'];
      else if (!i.regex) values[name] = `alt-${name}`;
    }
    out.push(values);
  }
  return out;
}

export const templateFiles = readdirSync(join(root, 'templates'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `templates/${f}`);

// Stages every pipeline has when it declares none (build, test, deploy) plus the two GitLab adds.
export const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];

export function jobsOf(config: Record<string, unknown>): [string, Record<string, unknown>][] {
  const reserved = new Set([
    '$schema',
    'spec',
    'image',
    'services',
    'before_script',
    'after_script',
    'variables',
    'cache',
    'default',
    'stages',
    'include',
    'workflow',
  ]);
  return Object.entries(config).filter(
    (e): e is [string, Record<string, unknown>] =>
      !reserved.has(e[0]) && !e[0].startsWith('.') && !!e[1] && typeof e[1] === 'object',
  );
}

// ---------------------------------------------------------------------------------------------
// rules:if, as GitLab evaluates it (lib/gitlab/ci/pipeline/expression/: lexemes $VAR, "string",
// 'string', null, /regexp/, ==, !=, =~, !~, &&, ||, parentheses; && binds tighter than ||; `a && b` is b unless a is
// null or false, as in Ruby (an empty string counts); a rule matches when the result is present,
// neither null, false nor empty (Statement#truthful?); cases from
// spec/lib/gitlab/ci/pipeline/expression/statement_spec.rb). GitLab matches with RE2; the patterns
// used here mean the same in JavaScript. Anything else fails the test instead of being misjudged.

type Value = string | boolean | null | RegExp;
const ruby = (v: Value) => v !== null && v !== false;
const truthy = (v: Value) => ruby(v) && v !== '';

export function evaluateIf(expression: string, vars: Record<string, string>): Value {
  const tokens =
    expression.match(
      /\$[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|'[^']*'|\/(?:\\.|[^/\\])*\/[a-z]*|==|!=|=~|!~|&&|\|\||\(|\)|null|\S/g,
    ) ?? [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`rules:if ${JSON.stringify(expression)}: ${why} at token ${i}`);
  };
  const operand = (): Value => {
    const t = tokens[i++] ?? fail('unexpected end');
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') fail('expected )');
      return v;
    }
    if (t.startsWith('$')) return vars[t.slice(1)] ?? null;
    if (t === 'null') return null;
    if (/^(["']).*\1$/.test(t)) return t.slice(1, -1);
    const re = /^\/(.*)\/([a-z]*)$/.exec(t);
    if (re) return new RegExp(re[1] ?? '', re[2]);
    return fail(`unsupported token ${t}`);
  };
  const comparison = (): Value => {
    const left = operand();
    const op = tokens[i];
    if (op !== '==' && op !== '!=' && op !== '=~' && op !== '!~') return left;
    i++;
    const right = operand();
    if (op === '==' || op === '!=') return (left === right) === (op === '==');
    if (!(right instanceof RegExp)) return fail(`${op} needs a /regexp/`);
    const matched = typeof left === 'string' && right.test(left);
    return op === '=~' ? matched : !matched;
  };
  const and = (): Value => {
    let v = comparison();
    while (tokens[i] === '&&') {
      i++;
      const r = comparison();
      v = ruby(v) ? r : v;
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (tokens[i] === '||') {
      i++;
      const r = and();
      v = ruby(v) ? v : r;
    }
    return v;
  };
  const v = or();
  if (i !== tokens.length) fail('trailing tokens');
  return v;
}

/** Whether a job with these `rules:` is added to a pipeline with these variables (first match wins). */
export function jobRuns(rules: Record<string, unknown>[] | undefined, vars: Record<string, string>): boolean {
  if (!rules) return true;
  for (const r of rules) {
    if (typeof r.if === 'string' && !truthy(evaluateIf(r.if, vars))) continue;
    return r.when !== 'never';
  }
  return false;
}
