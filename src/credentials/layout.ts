/**
 * The credential layout of a job: which files and settings each client needs, and their content.
 * Pure (nothing is read or written here). The clients are defined once in clients.ts; content comes
 * from the templates in templates/clients/, rendered by render.ts.
 */
import { dirname } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isClientName, type ClientName } from './client-names.js';
import { abilities, CLIENTS, type ClientFile } from './clients.js';
import { mergeContainersAuth, mergeDockerConfig } from './merge.js';
import { renderClientTemplate } from './render.js';
import type { ClientView, CredentialContext, CredentialLayout, LayoutFile, LayoutFileView } from './types.js';
import { clientValues, type ClientValues, type UserSettings } from './values.js';

/** A plain relative file name inside the private directory: no `..`, no absolute path. */
export function checkRelativePath(p: string): string {
  const parts = p.split('/');
  if (
    p === '' ||
    p.startsWith('/') ||
    parts.some((x) => x === '..' || x === '.' || x === '') ||
    /[\u0000-\u001f\u007f\\]/.test(p) ||
    p.length > 255
  ) {
    throw new UsageError(
      `file path "${p.slice(0, 80)}" must be a plain relative name inside the credentials directory`,
      'e.g. path: netrc (no "..", no leading "/")',
    );
  }
  return p;
}

function parseMode(m: string | undefined): number {
  if (m === undefined) return 0o600;
  if (!/^0?[0-7]{3}$/.test(m))
    throw new UsageError(`file mode "${m}" is not an octal mode`, 'e.g. mode: "0600"');
  const mode = parseInt(m, 8);
  if (mode & 0o077)
    throw new UsageError(`file mode ${m} would let others read a credential`, 'use 0600 or 0400');
  if (!(mode & 0o400)) throw new UsageError(`file mode ${m} would not let you read it`, 'use 0600 or 0400');
  return mode;
}

export interface LayoutExtras {
  /** The user's existing global git config, included first so their settings keep working. */
  userGitconfig?: string;
  /** The text of the user's existing docker config.json, merged under ours. */
  userDockerConfig?: string;
  /** The user's container auth files (highest priority first), merged under ours. */
  userContainersAuth?: string[];
  /** The user's values of settings ours extend (GOPRIVATE, COMPOSER_AUTH, ...). */
  userSettings?: UserSettings;
  /** Extra values user templates (`files:`) may use. */
  userValues?: Record<string, unknown>;
}

/** Refuses a client that cannot work with these values, before anything is rendered. */
function checkClient(c: ClientName, v: ClientValues): void {
  if (CLIENTS[c].needsRegistry && (c === 'kubernetes' ? v.registry === '' : v.registries.length === 0)) {
    throw new UsageError(
      `configure ${c} needs the registry host`,
      'set CI_REGISTRY, or enable the container registry of the project',
    );
  }
  // Poetry expands {name} in every setting it reads (poetry/config/config.py Config.process).
  if (c === 'poetry' && /\{.+?\}/.test(v.password)) {
    throw new UsageError(
      'cannot configure poetry: the token holds "{…}", which poetry would read as a reference to another setting',
      'use exec with POETRY_HTTP_BASIC_* set from CI_DEPLOY_PASSWORD yourself, or another client',
    );
  }
}

export function layoutCredentials(
  clients: readonly ClientName[],
  userFiles: readonly { path: string; template: string; mode?: string; env?: string }[],
  ctx: CredentialContext,
  dir: string,
  extra: LayoutExtras = {},
): CredentialLayout {
  const cv = clientValues(ctx, extra.userSettings);
  const values: Record<string, unknown> = { ...cv, user_gitconfig: extra.userGitconfig ?? '' };
  const layout: Required<CredentialLayout> = { dir, files: [], variables: [], clients: [] };
  const variable = (name: string, value: string, secret = false): void => {
    const seen = layout.variables.find((v) => v.name === name);
    if (seen && seen.value === value) return; // a setting two clients share (GIT_TERMINAL_PROMPT, PYPIRC)
    if (seen) throw new UsageError(`variable ${name} is set twice`, 'give each file its own env');
    if (value.includes('\u0000')) throw new UsageError(`variable ${name} cannot hold a NUL character`);
    layout.variables.push({ name, value, secret });
  };
  const fileFor = (c: ClientName, f: ClientFile): void => {
    if (layout.files.some((x) => x.path === f.path)) return; // a file two clients share (netrc, npmrc)
    let content = renderClientTemplate(f.path, f.template, values);
    if (f.merge === 'docker') content = mergeDockerConfig(content, extra.userDockerConfig);
    if (f.merge === 'containers') content = mergeContainersAuth(content, extra.userContainersAuth);
    const file: LayoutFile = { client: c, path: f.path, mode: 0o600, content };
    if (f.env) {
      file.env = f.env;
      variable(f.env, f.pointsAt === 'dir' ? `${dir}/${dirname(f.path)}` : `${dir}/${f.path}`);
    }
    layout.files.push(file);
  };
  for (const c of [...new Set(clients)]) {
    if (!isClientName(c))
      throw new UsageError(`unknown client "${String(c)}"`, `use one of: ${Object.keys(CLIENTS).join(', ')}`);
    const def = CLIENTS[c];
    checkClient(c, cv);
    for (const f of def.files) fileFor(c, f);
    const settings = def.settings?.(cv, dir) ?? [];
    for (const s of settings) variable(s.name, s.value, s.secret === true);
    layout.clients.push({
      name: c,
      files: def.files.map((f) => f.path),
      variables: [...def.files.flatMap((f) => (f.env ? [f.env] : [])), ...settings.map((s) => s.name)],
    });
  }
  for (const u of userFiles) {
    const path = checkRelativePath(u.path);
    if (
      layout.files.some(
        (f) => f.path === path || f.path.startsWith(`${path}/`) || path.startsWith(`${f.path}/`),
      )
    )
      throw new UsageError(`file ${path} is written twice`, 'give each file its own path');
    if (u.env !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(u.env))
      throw new UsageError(`"${u.env.slice(0, 40)}" is not a variable name`, 'e.g. env: NETRC');
    const file: LayoutFile = {
      client: 'user',
      path,
      mode: parseMode(u.mode),
      content: renderClientTemplate(path, u.template, { ...values, ...extra.userValues }),
    };
    if (u.env) {
      file.env = u.env;
      variable(u.env, `${dir}/${path}`);
    }
    layout.files.push(file);
  }
  return layout;
}

/** What `plan` shows for files: paths, modes and variables, never content. */
export function layoutView(layout: CredentialLayout): LayoutFileView[] {
  return layout.files.map((f) => ({
    client: f.client,
    path: f.path,
    mode: `0${f.mode.toString(8)}`,
    env: f.env ?? null,
  }));
}

/**
 * What `plan` shows for each client: its files and variables (names only; which ones are masked), and,
 * given the token's scopes, whether it can pull and push with them.
 */
export function clientView(layout: CredentialLayout, scopes?: readonly string[]): ClientView[] {
  return (layout.clients ?? []).map((c) => ({
    client: c.name,
    files: c.files,
    variables: c.variables,
    masked: c.variables.filter((n) => layout.variables.some((v) => v.name === n && v.secret)),
    ...(scopes ? abilities(c.name, scopes) : {}),
  }));
}

/** A client's line in `plan`'s text: its variables (masked ones marked) and what the token can do. */
export function formatClientView(c: ClientView): string {
  const vars = c.variables.map((n) => `$${n}${c.masked.includes(n) ? ' (masked)' : ''}`).join(', ');
  const can = c.pull !== undefined ? `; pull ${c.pull}; push ${c.push ?? ''}` : '';
  return `  client    ${c.client}: ${vars || '(no variables)'}${can}\n`;
}
