/**
 * push-scope (a hint): pushing images needs write_registry and publishing packages
 * write_package_registry on the gitlab-deploy-token (the seed's scope table). The CI file cannot say
 * which scopes the token has, so the hint stays quiet when a job spec (deploy-token.yml) declares them.
 */
import type { Scope } from '../../spec/types.js';
import type { JobView } from '../ci/job.js';
import { commandNeeds, deployTokenCall } from '../commands.js';
import { findingAt, type Finding } from '../finding.js';
import { wordSpan } from '../script.js';

export interface SpecScopes {
  /** where the scopes were read, e.g. deploy-token.yml */
  file: string;
  jobs: ReadonlyMap<string, ReadonlySet<string>>;
}

const NO_CLIENTS = new Set<never>();

export function checkPushScope(
  view: JobView,
  specs: SpecScopes | undefined,
  report: (f: Finding) => void,
): void {
  if (!view.usesToken) return;
  // The spec job: --job NAME of a deploy-token call, else the CI job's own name.
  let specJob = view.job.name;
  for (const item of view.scripts) for (const c of item.cmds) specJob = deployTokenCall(c)?.job ?? specJob;
  const declared = specs?.jobs.get(specJob);
  for (const item of view.scripts) {
    if (
      !/push|publish|upload|deploy|destination|copy|\bcp\b|-T\b|--data|-F\b|--form|PUT|POST/.test(item.text)
    )
      continue;
    for (const cmd of item.cmds) {
      for (const need of commandNeeds(cmd, NO_CLIENTS)) {
        const writes = need.all.filter((s: Scope) => s.startsWith('write_'));
        if (writes.length === 0) continue;
        const missing = declared ? writes.filter((s) => !declared.has(s)) : writes;
        if (missing.length === 0) continue;
        const message = declared
          ? `${need.label} needs ${missing.join(' and ')}, which job "${specJob}" of ${specs?.file ?? 'the spec'} does not list; expected it in its scopes`
          : `${need.label} needs ${missing.join(' and ')} on the gitlab-deploy-token; declare it in deploy-token.yml (jobs.${specJob}.scopes) to have it checked`;
        report(findingAt('push-scope', message, wordSpan(item, need.word), item.via));
      }
    }
  }
}
