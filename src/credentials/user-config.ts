/**
 * The user's own client configuration that our files replace (GIT_CONFIG_GLOBAL, DOCKER_CONFIG), so
 * the plan can keep it working: git includes the file back, docker's config.json is merged under ours.
 * This is the one read planCredentials needs; it is kept here, apart, so planning stays pure.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../core/env.js';
import type { PlanExtras } from './plan.js';

const MAX_DOCKER_CONFIG = 1024 * 1024;

export function existingUserConfig(env: Env): Pick<PlanExtras, 'userGitconfig' | 'userDockerConfig'> {
  const home = env.HOME && env.HOME !== '' ? env.HOME : homedir();
  const out: Pick<PlanExtras, 'userGitconfig' | 'userDockerConfig'> = {};
  // git reads $GIT_CONFIG_GLOBAL instead of ~/.gitconfig when it is set (git-config(1) ENVIRONMENT).
  const gitconfig = [env.GIT_CONFIG_GLOBAL, join(home, '.gitconfig')].find((p) => p && existsSync(p));
  if (gitconfig) out.userGitconfig = gitconfig;
  const docker = join(
    env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(home, '.docker'),
    'config.json',
  );
  try {
    const st = lstatSync(docker);
    if (st.isFile() && st.size <= MAX_DOCKER_CONFIG) out.userDockerConfig = readFileSync(docker, 'utf8');
  } catch {
    /* none */
  }
  return out;
}
