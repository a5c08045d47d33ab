/**
 * CI/CD variables as GitLab answers them (lib/api/variables.rb, lib/api/group_variables.rb,
 * lib/api/helpers/variables_helpers.rb, lib/api/entities/ci/variable.rb), version by version
 * (docs/gitlab-rules.md, "API by version"):
 * - hidden variables (17.4+) answer `value: null`; before 17.4 there is no `hidden` field;
 * - one key in several scopes: `GET .../variables/:key` answers 409 where `filter[environment_scope]`
 *   exists (projects 13.2, groups 16.9), and an arbitrary row (`find_by(key:)`) before.
 */
import variableFixture from '../../fixtures/gitlab/variable.json' with { type: 'json' };
import type { CiVariable } from '../gitlab/types.js';
import { GROUP_VARIABLE_FILTER, HIDDEN_VARIABLES, PROJECT_VARIABLE_FILTER } from '../gitlab/version.js';
import {
  boolParam,
  gitlabError,
  invalid,
  json,
  missing,
  noContent,
  notAllowed,
  paginate,
  type StandinResponse,
} from './http.js';
import type { ScenarioGroup, ScenarioProject } from './model.js';
import type { World } from './world.js';

/** app/models/concerns/ci/maskable.rb; raw masked variables: \A\S{8,}\z. */
const MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
const MASKABLE_RAW = /^\S{8,}$/;
/** Ci::HasVariable key format. */
const VARIABLE_KEY = /^[a-zA-Z0-9_]+$/;

export function variableView(w: World, v: CiVariable): Record<string, unknown> {
  const view: Record<string, unknown> = { ...variableFixture, ...v, value: v.hidden ? null : v.value };
  if (!w.at(HIDDEN_VARIABLES)) delete view.hidden;
  return view;
}

export interface VariableRoute {
  method: string;
  url: URL;
  key: string | undefined;
  level: 'projects' | 'groups';
  holder: ScenarioProject | ScenarioGroup;
  body: Record<string, unknown>;
}

export function variables(w: World, r: VariableRoute): StandinResponse {
  if (r.method === 'GET') return read(w, r);
  if (r.method === 'POST' || r.method === 'PUT' || r.method === 'DELETE') return write(w, r);
  return notAllowed();
}

/** Whether this version's single-key endpoints take `filter[environment_scope]` (and answer 409 without it). */
function filters(w: World, level: 'projects' | 'groups'): boolean {
  return w.at(level === 'projects' ? PROJECT_VARIABLE_FILTER : GROUP_VARIABLE_FILTER);
}

/** The rows one key addresses: with the filter where this version knows it; several → 409, or (older) the first. */
function addressed(w: World, r: VariableRoute, vars: CiVariable[]): CiVariable | StandinResponse {
  const scope = filters(w, r.level) ? r.url.searchParams.get('filter[environment_scope]') : null;
  const found = vars.filter(
    (v) => v.key === r.key && (scope === null || (v.environment_scope ?? '*') === scope),
  );
  if (found.length === 0) return gitlabError('404_variable');
  if (found.length > 1 && filters(w, r.level)) return gitlabError('409_variable');
  return found[0] as CiVariable;
}

function read(w: World, r: VariableRoute): StandinResponse {
  const vars = r.holder.variables ?? [];
  if (r.key === undefined) {
    return paginate(
      vars.map((v) => variableView(w, v)),
      r.url,
      w.baseUrl,
    );
  }
  const one = addressed(w, r, vars);
  return 'status' in one ? one : json(200, variableView(w, one));
}

/** POST/PUT/DELETE (doc/api/project_level_variables.md, group_level_variables.md). */
function write(w: World, r: VariableRoute): StandinResponse {
  r.holder.variables ??= [];
  const vars = r.holder.variables;
  const body = r.body;
  let target: CiVariable | undefined;
  if (r.method === 'POST') {
    if (r.key !== undefined) return notAllowed();
    if (body.key === undefined) return missing('key');
    if (body.value === undefined) return missing('value');
    if (typeof body.key !== 'string' || typeof body.value !== 'string') return invalid('value');
  } else {
    if (r.key === undefined) return notAllowed();
    const one = addressed(w, r, vars);
    if ('status' in one) return one;
    target = one;
    if (r.method === 'DELETE') {
      vars.splice(vars.indexOf(target), 1);
      return noContent();
    }
    if (body.value !== undefined && typeof body.value !== 'string') return invalid('value');
  }
  const next = merged(body, target);
  if ('status' in next) return next;
  return store(w, vars, next, target);
}

function merged(body: Record<string, unknown>, target: CiVariable | undefined): CiVariable | StandinResponse {
  const flags: Partial<Record<'masked' | 'protected' | 'raw', boolean>> = {};
  for (const f of ['masked', 'protected', 'raw'] as const) {
    const b = boolParam(body[f]);
    if (b === 'invalid') return invalid(f);
    if (b !== undefined) flags[f] = b;
  }
  const next = {
    ...variableFixture,
    ...(target ?? { masked: false, protected: false, raw: false, hidden: false, description: null }),
    ...(typeof body.key === 'string' ? { key: body.key } : {}),
    ...(typeof body.value === 'string' ? { value: body.value } : {}),
    ...(typeof body.environment_scope === 'string' ? { environment_scope: body.environment_scope } : {}),
    ...(body.variable_type === 'file' || body.variable_type === 'env_var'
      ? { variable_type: body.variable_type }
      : {}),
    ...flags,
  } as CiVariable;
  if (target === undefined)
    next.environment_scope = typeof body.environment_scope === 'string' ? body.environment_scope : '*';
  return next;
}

function store(
  w: World,
  vars: CiVariable[],
  next: CiVariable,
  target: CiVariable | undefined,
): StandinResponse {
  if (next.key.length > 255 || !VARIABLE_KEY.test(next.key)) return gitlabError('400_variable_key_format');
  const clash = vars.find(
    (v) =>
      v !== target && v.key === next.key && (v.environment_scope ?? '*') === (next.environment_scope ?? '*'),
  );
  if (clash) return gitlabError('400_variable_key_taken', { key: next.key });
  // Ci::Maskable: a masked value must match the regex (raw ones: \S{8,}), else 400 "is invalid".
  if (next.masked && !(next.raw ? MASKABLE_RAW : MASKABLE).test(next.value ?? ''))
    return gitlabError('400_variable_value');
  if (target) {
    Object.assign(target, next);
    return json(200, variableView(w, target));
  }
  vars.push(next);
  return json(201, variableView(w, next));
}
