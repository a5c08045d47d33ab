/**
 * One audit check per finding code, as actionlint has one rule per kind of problem: each names its
 * code and severity and returns what it found. The helpers here walk what several checks share.
 */
import type { DeployToken } from '../../gitlab/types.js';
import { tokenActivity, type TokenActivity } from '../../resolve/activity.js';
import { exposed, levelsOf, loginTokens, type AuditContext, type Holder } from '../context.js';
import { m } from '../message.js';
import { resolveKey, type Resolved } from '../supply.js';
import {
  PASSWORD_KEY,
  USER_KEY,
  type AuditProject,
  type AuditVariable,
  type DeployVariableKey,
  type FindingCode,
  type MessagePart,
  type Severity,
} from '../types.js';

/** What a check reports: where, which token, and the message in parts (its code and severity are the check's). */
export interface Found {
  where: string;
  tokenId?: number;
  parts: MessagePart[];
}

export interface Check {
  code: FindingCode;
  severity: Severity;
  run(c: AuditContext): Found[];
}

/** What the jobs of one project of the tree get: the token GitLab exposes to them, and each key as their levels resolve it. */
export interface WhatJobsGet {
  p: AuditProject;
  given: ReturnType<typeof exposed>;
  user: Resolved;
  pass: Resolved;
}

/** A check's run over what each project's jobs get, project by project in the tree's order. */
export function eachProject(
  judge: (j: WhatJobsGet) => Found | Found[] | undefined,
): (c: AuditContext) => Found[] {
  return (c) =>
    c.tree.projects.flatMap((p) => {
      const levels = levelsOf(c, p);
      const j = {
        p,
        given: exposed(c, p),
        user: resolveKey(levels, USER_KEY),
        pass: resolveKey(levels, PASSWORD_KEY),
      };
      return judge(j) ?? [];
    });
}

/** Every token of the tree, holder by holder, in id order, with what GitLab makes of it now. */
export function* eachToken(c: AuditContext): Generator<{ h: Holder; t: DeployToken; act: TokenActivity }> {
  for (const h of c.holders)
    for (const t of [...h.tokens].sort((a, b) => a.id - b.id)) yield { h, t, act: tokenActivity(t, c.now) };
}

/** A holder of variables that are judged: the tree's groups and projects, then the groups above it. */
export interface Judged {
  fullPath: string;
  variables: AuditVariable[] | undefined;
  what: 'group' | 'project' | 'above';
  /** Whose login tokens a CI_DEPLOY_USER there must name: a variable above the tree is used by all of it, like one on the audited group. */
  logins: DeployToken[];
}

export function judged(c: AuditContext): Judged[] {
  return [
    ...c.holders.map((h) => ({
      fullPath: h.fullPath,
      variables: h.variables,
      what: h.kind,
      logins: loginTokens(c, h),
    })),
    ...c.tree.ancestors.map((a) => ({
      fullPath: a.fullPath,
      variables: a.variables,
      what: 'above' as const,
      logins: c.rootGroup ? loginTokens(c, c.rootGroup) : c.aboveRoot,
    })),
  ];
}

/** A group above the tree matters for a key only where it is the nearest level defining it for a project of the tree. */
function reaches(c: AuditContext, fullPath: string, key: DeployVariableKey): boolean {
  return c.tree.projects.some((p) => resolveKey(levelsOf(c, p), key).at?.fullPath === fullPath);
}

/** Each readable variable that is judged, with where it is, as a message names that place. */
export function* judgedVariables(
  c: AuditContext,
): Generator<{ h: Judged; v: AuditVariable; on: MessagePart[] }> {
  for (const h of judged(c)) {
    if (h.variables === undefined) continue;
    const above = h.what === 'above';
    const on = above
      ? m`${h.fullPath} (a group above ${c.tree.root}, inherited by its projects)`
      : m`${h.fullPath}`;
    for (const v of h.variables) {
      if (above && !reaches(c, h.fullPath, v.key)) continue; // overridden for every project of the tree
      yield { h, v, on };
    }
  }
}
