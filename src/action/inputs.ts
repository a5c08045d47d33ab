/**
 * The action's inputs (action.yml), read and checked in one place. Booleans take YAML 1.2 core
 * forms only (true/True/TRUE, false/False/FALSE); any other value is refused with the allowed list.
 */
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { CLIENT_NAMES } from '../credentials/client-names.js';

export const EXPORT_MODES = ['env', 'output', 'none'] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];

export interface ActionInputs {
  gitlabUrl?: string;
  gitlabToken?: string;
  project?: string;
  spec?: string;
  job?: string;
  export: ExportMode;
  configure: string[];
  dryRun: boolean;
  minDaysLeft?: string;
  ephemeral: boolean;
  passwordOutput: boolean;
}

/** The runner passes input `foo-bar` as INPUT_FOO-BAR (spaces become _, upper case). */
export function rawInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function booleanInput(env: Env, name: string, def: boolean): boolean {
  const v = rawInput(env, name);
  if (v === '') return def;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new UsageError(
    `input ${name} must be a boolean, not "${v.slice(0, 40)}"`,
    'use true or false (YAML 1.2 core: true, True, TRUE, false, False, FALSE)',
  );
}

export function readInputs(env: Env): ActionInputs {
  const opt = (name: string) => rawInput(env, name) || undefined;
  const exp = rawInput(env, 'export') || 'env';
  if (!(EXPORT_MODES as readonly string[]).includes(exp)) {
    throw new UsageError(
      `input export must be one of ${EXPORT_MODES.join(', ')}, not "${exp.slice(0, 40)}"`,
      'e.g. export: env',
    );
  }
  const configure = (rawInput(env, 'configure') || '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of configure) {
    if (!(CLIENT_NAMES as readonly string[]).includes(c)) {
      throw new UsageError(
        `input configure names an unknown client "${c.slice(0, 40)}"`,
        `use a comma list of: ${CLIENT_NAMES.join(', ')}`,
      );
    }
  }
  const inputs: ActionInputs = {
    export: exp as ExportMode,
    configure: [...new Set(configure)],
    dryRun: booleanInput(env, 'dry-run', false),
    ephemeral: booleanInput(env, 'ephemeral', false),
    passwordOutput: booleanInput(env, 'password-output', false),
  };
  const set = <K extends keyof ActionInputs>(k: K, v: ActionInputs[K] | undefined) => {
    if (v !== undefined) inputs[k] = v;
  };
  set('gitlabUrl', opt('gitlab-url'));
  set('gitlabToken', opt('gitlab-token'));
  set('project', opt('project'));
  set('spec', opt('spec'));
  set('job', opt('job'));
  set('minDaysLeft', opt('min-days-left'));
  return inputs;
}
