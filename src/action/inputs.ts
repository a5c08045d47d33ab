/**
 * The action's inputs (action.yml), read with `@actions/core` and checked in one place. Booleans
 * take YAML 1.2 core forms only (true/True/TRUE, false/False/FALSE), as `getBooleanInput` does; any
 * other value is refused naming the input and the allowed list.
 */
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { CLIENT_NAMES } from '../credentials/client-names.js';

export const EXPORT_MODES = ['env', 'output', 'none'] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];

export interface ActionInputs {
  gitlabUrl?: string;
  gitlabToken?: string;
  /** The deploy token's username and password the user already holds (as docker/login-action). */
  username?: string;
  password?: string;
  project?: string;
  /** The branch or tag whose protection decides which protected variables the job gets. */
  ref?: string;
  spec?: string;
  job?: string;
  export: ExportMode;
  configure: string[];
  dryRun: boolean;
  minDaysLeft?: string;
  ephemeral: boolean;
  passwordOutput: boolean;
}

/** An input as the runner passes it (INPUT_FOO-BAR), trimmed; '' when not set. */
export function rawInput(name: string): string {
  return core.getInput(name);
}

export function booleanInput(name: string, def: boolean): boolean {
  const v = rawInput(name);
  if (v === '') return def;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UsageError(
      `input ${name} must be a boolean, not "${v.slice(0, 40)}"`,
      'use true or false (YAML 1.2 core: true, True, TRUE, false, False, FALSE)',
    );
  }
}

export function readInputs(): ActionInputs {
  const opt = (name: string) => rawInput(name) || undefined;
  const exp = rawInput('export') || 'env';
  if (!(EXPORT_MODES as readonly string[]).includes(exp)) {
    throw new UsageError(
      `input export must be one of ${EXPORT_MODES.join(', ')}, not "${exp.slice(0, 40)}"`,
      'e.g. export: env',
    );
  }
  const configure = (rawInput('configure') || '')
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
    dryRun: booleanInput('dry-run', false),
    ephemeral: booleanInput('ephemeral', false),
    passwordOutput: booleanInput('password-output', false),
  };
  const set = <K extends keyof ActionInputs>(k: K, v: ActionInputs[K] | undefined) => {
    if (v !== undefined) inputs[k] = v;
  };
  set('gitlabUrl', opt('gitlab-url'));
  set('gitlabToken', opt('gitlab-token'));
  set('username', opt('username'));
  set('password', opt('password'));
  set('project', opt('project'));
  set('ref', opt('ref'));
  set('spec', opt('spec'));
  set('job', opt('job'));
  set('minDaysLeft', opt('min-days-left'));
  if ((inputs.username === undefined) !== (inputs.password === undefined)) {
    const missing = inputs.username === undefined ? 'username' : 'password';
    throw new UsageError(
      `input ${missing} is missing: username and password go together`,
      `set both (the deploy token's username and password), or neither`,
    );
  }
  return inputs;
}
