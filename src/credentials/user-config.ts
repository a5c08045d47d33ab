/**
 * The user's own client configuration that our files and settings replace, so the layout can keep it
 * working: git includes the file back (GIT_CONFIG_GLOBAL), docker's and the containers' auth files
 * are merged under ours (DOCKER_CONFIG, REGISTRY_AUTH_FILE), and GOPRIVATE, GONOSUMDB and
 * COMPOSER_AUTH keep the user's entries after ours. These are the reads layoutCredentials needs; they
 * are kept here, apart, so the layout stays pure.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../core/env.js';
import type { LayoutExtras } from './layout.js';

const MAX_AUTH_FILE = 1024 * 1024;

/** A regular file's text (not a symlink's target), if it is there and not too large. */
function readSmall(path: string): string | undefined {
  try {
    const st = lstatSync(path);
    if (st.isFile() && st.size <= MAX_AUTH_FILE) return readFileSync(path, 'utf8');
  } catch {
    /* none */
  }
  return undefined;
}

const set = (v: string | undefined): v is string => v !== undefined && v !== '';

export function existingUserConfig(
  env: Env,
): Pick<LayoutExtras, 'userGitconfig' | 'userDockerConfig' | 'userContainersAuth' | 'userSettings'> {
  const home = set(env.HOME) ? env.HOME : homedir();
  const out: ReturnType<typeof existingUserConfig> = {};
  // git reads $GIT_CONFIG_GLOBAL instead of ~/.gitconfig when it is set (git-config(1) ENVIRONMENT).
  const gitconfig = [env.GIT_CONFIG_GLOBAL, join(home, '.gitconfig')].find((p) => p && existsSync(p));
  if (gitconfig) out.userGitconfig = gitconfig;
  const dockerFile = join(set(env.DOCKER_CONFIG) ? env.DOCKER_CONFIG : join(home, '.docker'), 'config.json');
  const docker = readSmall(dockerFile);
  if (docker !== undefined) out.userDockerConfig = docker;
  // containers-auth.json(5): REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json, then
  // ${XDG_CONFIG_HOME}/containers/auth.json and docker's file. With REGISTRY_AUTH_FILE set to ours,
  // containers/image reads ours alone, so the others are merged in, in that order.
  const containers = [
    set(env.REGISTRY_AUTH_FILE) ? env.REGISTRY_AUTH_FILE : undefined,
    set(env.XDG_RUNTIME_DIR) ? join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json') : undefined,
    join(set(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config'), 'containers', 'auth.json'),
    dockerFile,
  ]
    .filter((p): p is string => p !== undefined)
    .filter((p, i, a) => a.indexOf(p) === i)
    .map(readSmall)
    .filter((t): t is string => t !== undefined);
  if (containers.length > 0) out.userContainersAuth = containers;
  const settings = Object.fromEntries(
    (['GOPRIVATE', 'GONOSUMDB', 'COMPOSER_AUTH'] as const).filter((k) => set(env[k])).map((k) => [k, env[k]]),
  );
  if (Object.keys(settings).length > 0) out.userSettings = settings;
  return out;
}
