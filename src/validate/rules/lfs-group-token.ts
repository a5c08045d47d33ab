/**
 * lfs-group-token: with a group deploy token, LFS objects answered
 * 404 "Repository or object not found" (issue 235398; fixed around 15.7/15.8, version unconfirmed).
 * The workaround is a project deploy token. A warning, since newer GitLab may be fine.
 */
import { get, getEntry, str } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import type { Rule, SpecJobContext } from '../rule.js';

function check({ root, job, report }: SpecJobContext): void {
  if (str(get(get(root, 'token'), 'level')) !== 'group') return;
  const lfs = getEntry(job.node, 'lfs');
  if (lfs?.value.kind !== 'scalar' || lfs.value.value !== true) return;
  report(
    findingAt(
      lfsGroupToken,
      'git lfs with a group deploy token answered 404 before GitLab 15.7 (issue 235398); expected a project deploy token',
      lfs.value.span,
      lfs.via,
    ),
  );
}

export const lfsGroupToken: Rule = {
  id: 'lfs-group-token',
  severity: 'warning',
  summary: 'Git LFS with a group deploy token',
  help: 'With a group deploy token LFS downloads answered 404 “Repository or object not found” (issue 235398, fixed around GitLab 15.7/15.8). The workaround: use a project deploy token.',
  specJob: check,
};
