/**
 * Runs the precompiled schema validator (scripts/gen-validator.mjs; nothing compiles a schema at run
 * time) and turns ajv's errors into findings: one per location, at the real source node (through
 * aliases and merge keys), with a message that says what was expected. The noise of `oneOf`
 * (one error per branch plus the oneOf itself) becomes a single finding.
 */
import { findingAt, type Finding } from '../finding.js';
import { schema as schemaRule } from '../rules/schema.js';
import { didYouMean } from '../suggest.js';
import { getEntry, type Span, type Via, type YEntry, type YNode } from '../../yaml/tree.js';
import validate, { type GeneratedValidationError } from '../../spec/validator.generated.js';

interface Located {
  node: YNode;
  /** the entry that holds `node`, when it is a mapping value */
  entry?: YEntry;
  via?: Via;
}

/** Follows a JSON pointer (ajv's instancePath) through the tree. */
function locate(root: YNode, pointer: string): Located | undefined {
  let cur: Located = { node: root };
  if (pointer === '') return cur;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const n = cur.node;
    if (n.kind === 'map') {
      const e = getEntry(n, seg);
      if (!e) return cur;
      const via = e.via ?? cur.via;
      cur = { node: e.value, entry: e, ...(via ? { via } : {}) };
    } else if (n.kind === 'seq') {
      const i = Number(seg);
      const item = n.items[i];
      if (!item) return cur;
      const via = n.via[i] ?? cur.via;
      cur = { node: item, ...(via ? { via } : {}) };
    } else return cur;
  }
  return cur;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing',
};

function actualType(n: YNode): string {
  if (n.kind === 'map') return 'a mapping';
  if (n.kind === 'seq') return 'a list';
  if (n.value === null) return 'nothing';
  if (typeof n.value === 'boolean') return n.value ? 'true' : 'false';
  if (typeof n.value === 'number')
    return Number.isInteger(n.value) ? `the number ${n.value}` : `the number ${n.value}`;
  return `"${n.value}"`;
}

function describeValue(n: YNode): string {
  return n.kind === 'scalar'
    ? typeof n.value === 'string'
      ? `"${n.value}"`
      : String(n.value)
    : actualType(n);
}

/** Where in the spec a pointer is, in words: `job "build"`, `gitlab`, the top level. */
function where(pointer: string): string {
  const segs = pointer.split('/').slice(1);
  if (segs.length === 0) return 'the spec';
  if (segs[0] === 'jobs' && segs[1] !== undefined) {
    if (segs[2] === 'files' && segs[3] !== undefined) return `files[${segs[3]}] of job "${segs[1]}"`;
    return segs.length > 2 ? `${segs.slice(2).join('.')} of job "${segs[1]}"` : `job "${segs[1]}"`;
  }
  return `"${segs.join('.')}"`;
}

/** The keys allowed in the mapping at a pointer, for "expected one of" messages. */
function allowedKeys(pointer: string): string[] {
  if (pointer === '') return ['version', 'gitlab', 'token', 'jobs'];
  if (pointer === '/gitlab') return ['url', 'project', 'api_token_env', 'environment'];
  if (pointer === '/token') return ['name', 'level', 'min_days_left', 'fallback'];
  if (pointer === '/token/fallback') return ['username_env', 'password_env'];
  if (/^\/jobs\/[^/]+$/.test(pointer))
    return [
      'scopes',
      'configure',
      'client_options',
      'export',
      'variables',
      'files',
      'run',
      'lfs',
      'ephemeral',
      'dependency_proxy',
    ];
  if (/^\/jobs\/[^/]+\/files\/\d+$/.test(pointer)) return ['path', 'template', 'mode', 'env'];
  return [];
}

/** What a pattern expects, by where the value is (instancePath; for propertyNames, the object). */
const PATTERN_MESSAGES: [RegExp, string][] = [
  [
    /^\/gitlab\/api_token_env$|^\/token\/fallback\/\w+_env$|^\/jobs\/[^/]+\/files\/\d+\/env$|^\/jobs\/[^/]+\/variables$/,
    'expected the name of an environment variable (letters, digits, _), not a value',
  ],
  [
    /^\/jobs\/[^/]+\/files\/\d+\/path$/,
    'expected a relative path inside the credentials directory (no leading /, no ..)',
  ],
  [/\/mode$/, 'expected an octal file mode such as "0600"'],
  [/^\/gitlab\/url$/, 'expected an http(s) URL such as https://gitlab.example.com'],
  [/^\/jobs$/, 'expected a job name of letters, digits, _, . and -'],
  [/\/run\/\d+$|^\/gitlab\/environment$/, 'expected a non-empty string'],
];

const NOUNS: [RegExp, string][] = [
  [/\/scopes\/\d+$/, 'scope'],
  [/\/configure\/\d+$/, 'client'],
  [/\/export\/\d+$/, 'export target'],
  [/^\/token\/level$/, 'token level'],
];

type Message = { message: string; span: Span };

function messageFor(e: GeneratedValidationError, loc: Located): Message {
  return keyMessage(e, loc) ?? valueMessage(e, loc);
}

/** Keys that should not be there, are missing, or are badly named. */
function keyMessage(e: GeneratedValidationError, loc: Located): Message | undefined {
  const node = loc.node;
  const span = node.span;
  const p = e.params;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const keyEntry = getEntry(node, key);
      const allowed = allowedKeys(e.instancePath);
      const guess = didYouMean(key, allowed);
      const expected = guess
        ? `; did you mean "${guess}"?`
        : allowed.length > 0
          ? `; expected one of ${allowed.join(', ')}`
          : '';
      return {
        message: `unexpected key "${key}" in ${where(e.instancePath)}${expected}`,
        span: keyEntry?.keyNode.span ?? span,
      };
    }
    case 'required': {
      const key = String(p.missingProperty);
      const at = loc.entry?.keyNode.span ?? { ...span, end: span.start };
      return { message: `missing key "${key}" in ${where(e.instancePath)}`, span: at };
    }
    case 'propertyNames': {
      const name = String(p.propertyName);
      const keyEntry = getEntry(node, name);
      const pm = PATTERN_MESSAGES.find(([re]) => re.test(e.instancePath));
      return {
        message: `invalid name "${name}"; ${pm?.[1] ?? 'expected a valid name'}`,
        span: keyEntry?.keyNode.span ?? span,
      };
    }
    case 'minProperties':
      return {
        message: `expected at least one job in ${where(e.instancePath)}`,
        span: loc.entry?.keyNode.span ?? span,
      };
    default:
      return undefined;
  }
}

/** A value of the wrong type, or not one of those allowed. */
function valueMessage(e: GeneratedValidationError, loc: Located): Message {
  const node = loc.node;
  const span = node.span;
  const p = e.params;
  switch (e.keyword) {
    case 'type': {
      const expected = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      const extra =
        /\/mode$/.test(e.instancePath) && node.kind === 'scalar' && typeof node.value === 'number'
          ? ' (quote it: "0600")'
          : '';
      return { message: `expected ${expected} but got ${actualType(node)}${extra}`, span };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const noun = NOUNS.find(([re]) => re.test(e.instancePath))?.[1] ?? 'value';
      const got = node.kind === 'scalar' ? String(node.value) : '';
      const guess = got ? didYouMean(got, allowed) : undefined;
      return {
        message: `unknown ${noun} ${describeValue(node)}; ${guess ? `did you mean "${guess}"? ` : ''}expected one of ${allowed.join(', ')}`,
        span,
      };
    }
    case 'const': {
      if (e.instancePath === '/token/name')
        return {
          message: `expected "gitlab-deploy-token": only a token of that name is exposed to CI jobs`,
          span,
        };
      return { message: `expected ${JSON.stringify(p.allowedValue)} but got ${describeValue(node)}`, span };
    }
    case 'pattern': {
      const pm = PATTERN_MESSAGES.find(([re]) => re.test(e.instancePath));
      return { message: `${pm?.[1] ?? 'expected a valid value'}, got ${describeValue(node)}`, span };
    }
    case 'minimum':
    case 'maximum':
      return {
        message: `expected ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)} but got ${describeValue(node)}`,
        span,
      };
    case 'uniqueItems': {
      const j = Number(p.j);
      const i = Number(p.i);
      const item = node.kind === 'seq' ? node.items[Math.max(i, j)] : undefined;
      return {
        message: `${item ? describeValue(item) : 'an item'} is listed twice in ${where(e.instancePath)}; expected each once`,
        span: item?.span ?? span,
      };
    }
    case 'oneOf':
    case 'anyOf':
      if (e.instancePath === '/gitlab/project')
        return {
          message: `expected a project id (integer) or full path such as "group/project", got ${describeValue(node)}`,
          span,
        };
      return { message: `${describeValue(node)} matches none of the allowed forms`, span };
    default:
      return { message: e.message ?? `invalid value (${e.keyword})`, span };
  }
}

/** Validates plain data (from `toPlain`) against the spec schema; positions come from `root`. */
export function schemaFindings(data: unknown, root: YNode): Finding[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // Group oneOf/anyOf: drop the errors of their branches, keep one finding for the whole.
  const groups = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const under = (e: GeneratedValidationError, g: GeneratedValidationError) =>
    e !== g &&
    e.schemaPath.startsWith(`${g.schemaPath}/`) &&
    (e.instancePath === g.instancePath || e.instancePath.startsWith(`${g.instancePath}/`));
  const kept = errors.filter((e) => !groups.some((g) => under(e, g)));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    // A key's own errors (inside propertyNames) repeat the propertyNames error, which names the key.
    if (e.propertyName !== undefined) continue;
    const loc = locate(root, e.instancePath);
    if (!loc) continue;
    const { message, span } = messageFor(e, loc);
    const key = `${span.src.path}:${span.start}`;
    if (seen.has(key)) continue; // one finding per location
    seen.add(key);
    out.push(findingAt(schemaRule, message, span, loc.via));
  }
  return out;
}
