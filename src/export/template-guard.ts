/**
 * nunjucks is not a sandbox: `{{ range.constructor("return process")() }}` reaches the process. So
 * before any template renders, its syntax tree is checked against an allow-list: output, literals,
 * names, lookups by a literal key that is not a prototype door, if/for, and a few pure filters.
 * Function calls, computed lookups, set/macro/include/import/extends and everything else are refused.
 */
import { templating } from './templating.js';

const ALLOWED_NODES = new Set([
  'Root',
  'NodeList',
  'Output',
  'TemplateData',
  'Literal',
  'Symbol',
  'LookupVal',
  'Filter',
  'If',
  'InlineIf',
  'For',
  'Compare',
  'CompareOperand',
  'And',
  'Or',
  'Not',
  'Group',
  'Array',
  'Concat',
  'Add',
  'In',
  'Is',
]);

export const ALLOWED_FILTERS = new Set([
  'default',
  'd',
  'join',
  'upper',
  'lower',
  'trim',
  'replace',
  'urlencode',
  'escape',
  'e',
  'safe',
  'length',
  'first',
  'last',
  'string',
  'int',
  'dump',
  'base64',
  // format escapes for credential files (src/credentials/escape.ts)
  'xml',
  'json',
  'ini',
  'npmrc',
  'gitq',
  'netrc',
  'sh',
]);

const FORBIDDEN_KEYS = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__lookupGetter__',
]);

/**
 * A node of nunjucks's syntax tree (nunjucks ships no types for its parser; this is the shape of its
 * documented AST, nodes.js). The one definition for every walker: the guard here, the names check of
 * the renderers (credentials/layout.ts) and validate's template rules.
 */
export interface TemplateNode {
  typename: string;
  fields?: string[];
  value?: unknown;
  lineno?: number;
  colno?: number;
  [k: string]: unknown;
}

export function isTemplateNode(x: unknown): x is TemplateNode {
  return typeof x === 'object' && x !== null && typeof (x as { typename?: unknown }).typename === 'string';
}

/** The syntax tree of a template (throws nunjucks's own error, with lineno/colno, when it does not parse). */
export function parseTemplate(source: string): unknown {
  const parser = (templating() as unknown as { parser: { parse(src: string): unknown } }).parser;
  return parser.parse(source);
}

/** A name a template reads, 0-based where nunjucks says. */
export interface TemplateName {
  name: string;
  line: number;
  col: number;
}

/**
 * Every name a template reads as a value: symbols, except a loop's own variables and `loop` inside
 * it, a filter's name and the test after `is` (those name functions, not values).
 */
export function freeNames(root: unknown): TemplateName[] {
  const out: TemplateName[] = [];
  const walk = (n: unknown, locals: ReadonlySet<string>): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x, locals);
      return;
    }
    if (!isTemplateNode(n)) return;
    switch (n.typename) {
      case 'Symbol': {
        const name = String(n.value);
        if (!locals.has(name)) out.push({ name, line: n.lineno ?? 0, col: n.colno ?? 0 });
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
          isTemplateNode(n.name) && n.name.typename === 'Array' ? (n.name.children as unknown[]) : [n.name];
        for (const s of names) if (isTemplateNode(s) && s.typename === 'Symbol') inner.add(String(s.value));
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

/** Does the tree hold a lookup (`username.x`), the one way a known name can still render undefined? */
export function hasLookup(n: unknown): boolean {
  if (Array.isArray(n)) return n.some(hasLookup);
  if (!isTemplateNode(n)) return false;
  return n.typename === 'LookupVal' || (n.fields ?? []).some((f) => hasLookup(n[f]));
}

/** Throws an Error naming the first construct that is not allowed. */
export function checkTemplate(source: string): void {
  checkTree(parseTemplate(source));
}

/** The same check on a tree already parsed. */
export function checkTree(root: unknown): void {
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isTemplateNode(n)) return;
    if (!ALLOWED_NODES.has(n.typename)) throw new Error(`${n.typename} is not allowed in a template`);
    if (n.typename === 'LookupVal') {
      const key = n.val;
      if (!isTemplateNode(key) || key.typename !== 'Literal')
        throw new Error('only lookups by a literal key are allowed');
      if (FORBIDDEN_KEYS.has(String(key.value)))
        throw new Error(`"${String(key.value)}" may not be looked up`);
    }
    if (n.typename === 'Filter') {
      const name = isTemplateNode(n.name) ? String(n.name.value) : '';
      if (!ALLOWED_FILTERS.has(name)) throw new Error(`filter "${name}" is not allowed`);
    }
    for (const f of n.fields ?? []) walk(n[f]);
  };
  walk(root);
}
