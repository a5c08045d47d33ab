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

interface AstNode {
  typename: string;
  fields?: string[];
  value?: unknown;
  [k: string]: unknown;
}

function isNode(x: unknown): x is AstNode {
  return typeof x === 'object' && x !== null && typeof (x as { typename?: unknown }).typename === 'string';
}

/** Throws an Error naming the first construct that is not allowed. */
export function checkTemplate(source: string): void {
  // nunjucks ships no types for its parser; the shape used here is its documented AST (nodes.js).
  const parser = (templating() as unknown as { parser: { parse(src: string): unknown } }).parser;
  const root = parser.parse(source);
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isNode(n)) return;
    if (!ALLOWED_NODES.has(n.typename)) throw new Error(`${n.typename} is not allowed in a template`);
    if (n.typename === 'LookupVal') {
      const key = n.val;
      if (!isNode(key) || key.typename !== 'Literal')
        throw new Error('only lookups by a literal key are allowed');
      if (FORBIDDEN_KEYS.has(String(key.value)))
        throw new Error(`"${String(key.value)}" may not be looked up`);
    }
    if (n.typename === 'Filter') {
      const name = isNode(n.name) ? String(n.name.value) : '';
      if (!ALLOWED_FILTERS.has(name)) throw new Error(`filter "${name}" is not allowed`);
    }
    for (const f of n.fields ?? []) walk(n[f]);
  };
  walk(root);
}
