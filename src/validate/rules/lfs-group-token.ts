/**
 * lfs-group-token: the seed's troubleshooting note — with a group deploy token, LFS objects answered
 * 404 "Repository or object not found" (issue 235398; fixed around 15.7/15.8, version unconfirmed).
 * The workaround is a project deploy token. A warning, since newer GitLab may be fine.
 */
import { findingAt, type Finding } from '../finding.js';
import { get, getEntry, str, type YNode } from '../../yaml/tree.js';
import type { SpecJob } from '../spec/jobs.js';

export function checkLfsGroupToken(root: YNode, job: SpecJob, report: (f: Finding) => void): void {
  if (str(get(get(root, 'token'), 'level')) !== 'group') return;
  const lfs = getEntry(job.node, 'lfs');
  if (lfs?.value.kind !== 'scalar' || lfs.value.value !== true) return;
  report(
    findingAt(
      'lfs-group-token',
      'git lfs with a group deploy token answered 404 before GitLab 15.7 (issue 235398); expected a project deploy token',
      lfs.value.span,
      lfs.via,
    ),
  );
}
