/**
 * How a `.gitlab-ci.yml` is put together (checked while it is resolved, ci/load.ts): `extends`,
 * `!reference` and local includes that cannot be resolved offline the way GitLab resolves them.
 */
import type { RuleMeta } from '../finding.js';

export const ciExtends = {
  id: 'ci-extends',
  severity: 'error',
  summary: 'extends cannot be resolved',
  help: 'extends must name jobs or templates defined in the file or its local includes, without cycles, at most 10 levels deep (lib/gitlab/ci/config/extendable/entry.rb).',
} as const satisfies RuleMeta;

export const ciReference = {
  id: 'ci-reference',
  severity: 'error',
  summary: '!reference cannot be resolved',
  help: '!reference [job, key, …] must name an existing job and keys, without cycles, at most 10 levels deep.',
} as const satisfies RuleMeta;

export const ciInclude = {
  id: 'ci-include',
  severity: 'error',
  summary: 'local include cannot be read',
  help: 'include: local files are read offline, relative to the directory of the top-level .gitlab-ci.yml. Remote, project, template and component includes are not checked.',
} as const satisfies RuleMeta;
