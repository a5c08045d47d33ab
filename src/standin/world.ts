/**
 * The stand-in's world as every resource sees it: the scenario, the clock, the version (with the
 * releases where GitLab's answers changed, docs/gitlab-rules.md "API by version"), and lookups.
 */
import { parseGitLabVersion, reached, type GitLabVersion, type Release } from '../gitlab/version.js';
import {
  expiryInstant,
  type Scenario,
  type ScenarioApiUser,
  type ScenarioGroup,
  type ScenarioProject,
  type ScenarioToken,
} from './model.js';

export type Entity = { level: 'projects'; p: ScenarioProject } | { level: 'groups'; g: ScenarioGroup };

export const GUEST = 10;
export const MAINTAINER = 40;
export const OWNER = 50;

export class World {
  readonly version: GitLabVersion;

  constructor(
    readonly scenario: Scenario,
    readonly now: () => Date,
    readonly baseUrl: string,
  ) {
    this.version = parseGitLabVersion(scenario.version) ?? {
      major: 99,
      minor: 0,
      patch: 0,
      suffix: '',
      raw: scenario.version,
    };
  }

  /** Whether the scenario's GitLab has reached a release. */
  at(r: Release): boolean {
    return reached(this.version, r);
  }

  findProject(id: string): ScenarioProject | undefined {
    return this.scenario.projects.find((p) => String(p.id) === id || p.path_with_namespace === id);
  }

  findGroup(id: string): ScenarioGroup | undefined {
    return this.scenario.groups.find((g) => String(g.id) === id || g.full_path === id);
  }

  groupById(id: number | null | undefined): ScenarioGroup | undefined {
    return id === null || id === undefined ? undefined : this.scenario.groups.find((g) => g.id === id);
  }

  /** Every token of the scenario, for new ids (GitLab's ids are global). */
  allTokens(): ScenarioToken[] {
    return [...this.scenario.groups, ...this.scenario.projects].flatMap((e) => e.tokens ?? []);
  }

  user(token: string): ScenarioApiUser {
    return (
      this.scenario.apiUsers?.find((u) => u.token === token) ?? {
        token,
        id: 1,
        username: 'root',
        admin: true,
        scopes: ['api'],
      }
    );
  }

  /** Paths whose membership applies to an entity: itself, then its ancestors (membership is inherited). */
  chain(e: Entity): string[] {
    const paths: string[] = [];
    let groupId: number | null | undefined;
    if (e.level === 'projects') {
      paths.push(e.p.path_with_namespace);
      groupId = e.p.namespace_id;
    } else groupId = e.g.id;
    for (let i = 0; i < 50; i++) {
      const g = this.groupById(groupId);
      if (!g) break;
      paths.push(g.full_path);
      groupId = g.parent_id;
    }
    return paths;
  }

  accessLevel(u: ScenarioApiUser, e: Entity): number {
    if (u.admin) return OWNER;
    return Math.max(0, ...this.chain(e).map((p) => u.access?.[p] ?? 0));
  }

  descendants(g: ScenarioGroup): ScenarioGroup[] {
    const out: ScenarioGroup[] = [];
    const queue = [g.id];
    for (let i = 0; i < queue.length && i < 10_000; i++) {
      for (const c of this.scenario.groups.filter((x) => x.parent_id === queue[i])) {
        out.push(c);
        queue.push(c.id);
      }
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** app/models/deploy_token.rb `scope :active`: revoked = false AND expires_at >= NOW(). */
  activeNow(t: ScenarioToken): boolean {
    const now = this.now();
    const e = expiryInstant(t.expires, now);
    return !t.revoked && (e === null || new Date(e).getTime() >= now.getTime());
  }

  /** `DeployToken#username`: the stored one, else `gitlab+deploy-token-{id}`. */
  usernameOf(t: ScenarioToken): string {
    return t.username ?? `gitlab+deploy-token-${t.id}`;
  }

  /** Who holds a token: the project or group whose list has it. */
  holderOf(t: ScenarioToken): Entity | undefined {
    const p = this.scenario.projects.find((x) => x.tokens?.includes(t));
    if (p) return { level: 'projects', p };
    const g = this.scenario.groups.find((x) => x.tokens?.includes(t));
    return g ? { level: 'groups', g } : undefined;
  }
}
