/**
 * Is a branch or tag protected? GitLab's rules (docs/gitlab-rules.md, "Protected variables"):
 *
 * - app/models/project.rb `protected_for?`: a branch is judged by the protected branches, a tag by
 *   the protected tags.
 * - lib/gitlab/ref_matcher.rb (`ProtectedRef#matches?`): a name matches a protection that is equal to
 *   it, or one with `*` wildcards, each `*` matching any run of characters (`/` included).
 * - `GET /projects/:id/protected_branches/:name` finds a protection by its own name only, so a branch
 *   covered by `release/*` needs the list.
 */

export type RefKind = 'branch' | 'tag';

/** `refs/tags/v1` → tag v1, `refs/heads/main` → branch main; a bare name is a branch unless `tagName` says so. */
export function parseRef(raw: string, tagName?: string): { name: string; kind: RefKind } {
  if (raw.startsWith('refs/tags/')) return { name: raw.slice('refs/tags/'.length), kind: 'tag' };
  if (raw.startsWith('refs/heads/')) return { name: raw.slice('refs/heads/'.length), kind: 'branch' };
  return { name: raw, kind: tagName !== undefined && tagName === raw ? 'tag' : 'branch' };
}

/** lib/gitlab/ref_matcher.rb: exact, or `*` wildcards anchored at both ends. */
export function refMatches(pattern: string, name: string): boolean {
  if (pattern === '') return false;
  if (pattern === name) return true;
  if (!pattern.includes('*')) return false;
  const re = pattern
    .split('*')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*?');
  return new RegExp(`^${re}$`, 's').test(name);
}

/** The protection (name or wildcard) that covers `name`, or undefined. */
export function protectedBy(patterns: readonly string[], name: string): string | undefined {
  return patterns.find((p) => refMatches(p, name));
}
