/**
 * Up-front permission checks for changes (provision, rotate): the API token needs the `api` scope
 * (doc/api/deploy_tokens.md; `read_api` only reads), its user Maintainer on a project (project
 * tokens and project variables) or Owner on a group (group tokens and group variables;
 * lib/api/deploy_tokens.rb, lib/api/group_variables.rb). Administrators may do everything. What GitLab cannot tell us (an instance
 * without `/personal_access_tokens/self`) is said, not guessed: the change itself would then fail
 * with GitLab's own 403.
 */
import { DeployTokenError, ExitCode } from '../core/errors.js';
import { getCurrentUser, getGroupAccess, getTokenScopes } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { Project } from '../gitlab/types.js';

export const MAINTAINER = 40;
export const OWNER = 50;

const ROLE: Record<number, string> = {
  0: 'not a member',
  5: 'Minimal Access',
  10: 'Guest',
  15: 'Planner',
  20: 'Reporter',
  30: 'Developer',
  40: 'Maintainer',
  50: 'Owner',
};

export function roleName(level: number): string {
  return ROLE[level] ?? `access level ${level}`;
}

export interface PermissionNeeds {
  /** A project on which the caller must be Maintainer (its answer carries `permissions`). */
  project?: Project;
  /** A group (id and path) on which the caller must be Owner. */
  group?: { id: number; path: string };
  /** What the check is for, for the messages: "create a project deploy token". */
  purpose: string;
}

export interface PermissionReport {
  ok: boolean;
  lines: string[];
  problems: string[];
}

/** Ask GitLab who we are and what we may do; never throws for a missing right (see `problems`). */
export async function checkPermissions(
  client: GitLabClient,
  needs: PermissionNeeds,
): Promise<PermissionReport> {
  const lines: string[] = [];
  const problems: string[] = [];
  const scopes = await getTokenScopes(client);
  if (scopes === undefined) {
    lines.push(
      'API token scopes: unknown (GitLab before 15.5, or not a personal/project/group access token)',
    );
  } else if (scopes.includes('api')) {
    lines.push(`API token scopes: ${scopes.join(', ')} (api: yes)`);
  } else {
    problems.push(
      `the API token has the scopes ${scopes.join(', ') || '(none)'} but not \`api\`, which creating and deleting deploy tokens and writing CI/CD variables need`,
    );
  }
  const user = await getCurrentUser(client);
  if (user.isAdmin) {
    lines.push(`user ${user.username}: administrator`);
    return { ok: problems.length === 0, lines, problems };
  }
  if (needs.project) {
    const p = needs.project.permissions;
    const level = Math.max(p?.projectAccess ?? 0, p?.groupAccess ?? 0);
    if (level >= MAINTAINER)
      lines.push(`user ${user.username}: ${roleName(level)} on ${needs.project.path_with_namespace}`);
    else
      problems.push(
        `user ${user.username} is ${roleName(level)} on ${needs.project.path_with_namespace}; to ${needs.purpose} GitLab needs Maintainer or Owner`,
      );
  }
  if (needs.group) {
    const level = await getGroupAccess(client, needs.group.id, user.id);
    if (level >= OWNER) lines.push(`user ${user.username}: ${roleName(level)} on group ${needs.group.path}`);
    else
      problems.push(
        `user ${user.username} is ${roleName(level)} on group ${needs.group.path}; to ${needs.purpose} GitLab needs Owner`,
      );
  }
  return { ok: problems.length === 0, lines, problems };
}

/** Exit 1: the answer is no. */
export class PermissionError extends DeployTokenError {
  constructor(problems: string[]) {
    super(
      `not allowed:\n  ${problems.join('\n  ')}`,
      ExitCode.No,
      'use an API token with the `api` scope whose user is Maintainer on the project (Owner on the group for group tokens and group variables)',
    );
    this.name = 'PermissionError';
  }
}
