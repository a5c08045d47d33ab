/**
 * push-scope (a hint): pushing images needs read_registry and write_registry, publishing packages
 * write_package_registry on the gitlab-deploy-token (doc/user/project/deploy_tokens/index.md;
 * doc/user/packages/container_registry/authenticate_with_container_registry.md: a push needs both
 * registry scopes). The CI file cannot say which scopes the token has, so the hint stays quiet when a
 * job spec (deploy-token.yml) declares them.
 */
import { deployTokenCall } from '../commands/calls.js';
import { commandNeeds } from '../commands/needs.js';
import { reportWord, type CiJobContext, type Rule } from '../rule.js';

const NO_CLIENTS = new Set<never>();
const WRITES = /push|publish|upload|deploy|destination|copy|\bcp\b|-T\b|--data|-F\b|--form|PUT|POST/;

function check({ view, specs, report }: CiJobContext): void {
  if (!view.usesToken) return;
  // The spec job: --job NAME of a deploy-token call, else the CI job's own name.
  let specJob = view.job.name;
  for (const item of view.scripts) for (const c of item.cmds) specJob = deployTokenCall(c)?.job ?? specJob;
  const declared = specs?.jobs.get(specJob);
  for (const item of view.scripts) {
    if (!WRITES.test(item.text)) continue;
    for (const cmd of item.cmds) {
      for (const need of commandNeeds(cmd, NO_CLIENTS)) {
        // A write needs every scope listed with it (a push: read_registry too).
        if (!need.all.some((s) => s.startsWith('write_'))) continue;
        const missing = declared ? need.all.filter((s) => !declared.has(s)) : need.all;
        if (missing.length === 0) continue;
        const message = declared
          ? `${need.label} needs ${need.all.join(' and ')}, and job "${specJob}" of ${specs?.file ?? 'the spec'} does not list ${missing.join(' and ')}; expected it in its scopes`
          : `${need.label} needs ${need.all.join(' and ')} on the gitlab-deploy-token; declare it in deploy-token.yml (jobs.${specJob}.scopes) to have it checked`;
        reportWord(report, pushScope, message, item, need.word);
      }
    }
  }
}

export const pushScope: Rule = {
  id: 'push-scope',
  severity: 'info',
  summary: 'push needs a write scope',
  help: 'Pushing images needs read_registry and write_registry (GitLab grants a registry push only with both), publishing packages write_package_registry, on the gitlab-deploy-token. Declare the job in deploy-token.yml with those scopes to have it checked.',
  ciJob: check,
};
