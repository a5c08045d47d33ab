/** What `provision` says: the steps of a run (printed with --dry-run), its warnings, and the final state. */
import type { Before, NewToken } from './model.js';
import { shownInstant, tokenLine, VARIABLE_KEYS, wantProtected, where } from './model.js';
import type { ProvisionRequest } from './request.js';

/**
 * What protected variables mean (lib/gitlab/ci/variables/builder/project.rb and group.rb:
 * `variables.unprotected unless protected_ref`; docs/gitlab-rules.md, "Protected variables").
 */
export const PROTECTED_NOTE =
  "protected variables reach only jobs on protected branches and tags; jobs on other refs get neither, so they get the gitlab-deploy-token GitLab itself exposes to them (a project token, or from GitLab 15.1 the direct parent group's), or no deploy credentials at all";

/** The steps of a run, in order. */
export function runSteps(req: ProvisionRequest, b: Before): string[] {
  const { owner, vars, snapshot, current } = b;
  const steps: string[] = [
    `create ${owner.level === 'groups' ? 'group' : 'project'} deploy token "${req.name}" on ${where(owner)}: scopes ${req.scopes.join(', ')}, ${req.expiresAt ? `expires ${shownInstant(req.expiresAt)}` : 'never expires'}${req.username ? `, username ${req.username}` : ''}`,
  ];
  if (vars) {
    for (const k of VARIABLE_KEYS) {
      const before = snapshot.get(k);
      const notes = [
        'masked',
        ...(wantProtected(req, before) ? ['protected'] : []),
        'all environments',
        ...(before?.protected && !req.protected ? ['stays protected as it was'] : []),
        ...(before?.variable_type === 'file' ? ['was a file variable: becomes a plain one'] : []),
      ];
      steps.push(`${before ? 'update' : 'create'} ${k} on ${where(vars)} (${notes.join(', ')})`);
    }
  } else steps.push('print the new token once on stdout (it cannot be read again)');
  if (vars && VARIABLE_KEYS.some((k) => wantProtected(req, snapshot.get(k))))
    steps.push(`note: ${PROTECTED_NOTE}`);
  steps.push('verify the new token and what was stored');
  for (const t of current) steps.push(`delete the old token ${tokenLine(t)}`);
  return steps;
}

/** Notes printed before a run (stderr). */
export function runWarnings(req: ProvisionRequest, b: Before, log: (l: string) => void): void {
  if (b.vars && req.protected) log(`protected: ${PROTECTED_NOTE}`);
  if (req.rotate && b.current.length === 0)
    log(`nothing to rotate: ${where(b.owner)} has no active "${req.name}" token; creating one`);
  if (!req.expiresAt)
    log(
      'warning: the token never expires; `deploy-token audit` flags that (use --expires-in DAYS and rotate)',
    );
}

/** What GitLab holds after a run that succeeded. */
export function doneState(req: ProvisionRequest, b: Before, created: NewToken): string[] {
  const state = [`token ${tokenLine(created)} on ${where(b.owner)}: active (new)`];
  if (b.vars)
    state.push(
      `CI_DEPLOY_USER and CI_DEPLOY_PASSWORD on ${where(b.vars)}: name the new token (masked${wantProtected(req, b.snapshot.get('CI_DEPLOY_USER')) ? ', protected' : ''})`,
    );
  for (const t of b.current) state.push(`old token #${t.id}: deleted`);
  return state;
}
