/**
 * scope-coverage: what a spec job does with the token against the scopes it declares, by GitLab's
 * rules for deploy tokens (lib/gitlab/auth.rb, app/policies/packages/policies/project_policy.rb,
 * app/services/auth/container_registry_authentication_service.rb): git clone → read_repository, image
 * pull → read_registry, image push → read_registry and write_registry (the registry grants a push
 * only with both), package pull/push → read_/write_package_registry, dependency proxy → read_registry
 * and write_registry. Needs come from `configure` (what each client needs is defined with it, in
 * src/credentials/clients.ts), `lfs`, `dependency_proxy` and the commands in `run`.
 */
import { isClientName } from '../../credentials/client-names.js';
import { CLIENTS } from '../../credentials/clients.js';
import type { ClientName, Scope } from '../../spec/types.js';
import { commandNeeds } from '../commands/needs.js';
import { findingAt } from '../finding.js';
import type { Report, Rule } from '../rule.js';
import { wordSpan, type ScriptItem } from '../script.js';
import { getEntry, type Span, type Via, type YMap } from '../../yaml/tree.js';
import type { SpecJob } from '../spec/jobs.js';

interface SpecNeed {
  label: string;
  /** every one needed */
  all?: Scope[];
  /** at least one needed */
  any?: Scope[];
  span: Span;
  via?: Via;
}

function strings(node: YMap, key: string): { value: string; span: Span; via?: Via }[] {
  const entry = getEntry(node, key);
  const seq = entry?.value;
  if (seq?.kind !== 'seq') return [];
  const out: { value: string; span: Span; via?: Via }[] = [];
  seq.items.forEach((it, i) => {
    if (it.kind === 'scalar' && typeof it.value === 'string') {
      const via = seq.via[i] ?? entry?.via;
      out.push({ value: it.value, span: it.span, ...(via ? { via } : {}) });
    }
  });
  return out;
}

function jobNeeds(job: SpecJob, run: ScriptItem[]): SpecNeed[] {
  const needs: SpecNeed[] = [];
  const configured = new Set<ClientName>();
  for (const c of strings(job.node, 'configure')) {
    if (!isClientName(c.value)) continue;
    configured.add(c.value);
    needs.push({
      label: `configure: ${c.value}`,
      ...CLIENTS[c.value].pull, // what `configure:` alone asks of the token
      span: c.span,
      ...(c.via ? { via: c.via } : {}),
    });
  }
  const lfs = getEntry(job.node, 'lfs');
  if (lfs?.value.kind === 'scalar' && lfs.value.value === true)
    needs.push({
      label: 'lfs: true',
      all: ['read_repository'],
      span: lfs.value.span,
      ...(lfs.via ? { via: lfs.via } : {}),
    });
  const proxy = getEntry(job.node, 'dependency_proxy');
  if (proxy?.value.kind === 'scalar' && proxy.value.value === true)
    needs.push({
      label: 'the dependency proxy',
      all: ['read_registry', 'write_registry'],
      span: proxy.value.span,
      ...(proxy.via ? { via: proxy.via } : {}),
    });
  for (const item of run) {
    for (const cmd of item.cmds) {
      for (const n of commandNeeds(cmd, configured)) {
        needs.push({
          label: n.label,
          all: n.all,
          span: wordSpan(item, n.word),
          ...(item.via ? { via: item.via } : {}),
        });
      }
    }
  }
  return needs;
}

function list(scopes: readonly string[]): string {
  return scopes.length <= 1
    ? (scopes[0] ?? '')
    : `${scopes.slice(0, -1).join(', ')} and ${scopes[scopes.length - 1]}`;
}

function check(job: SpecJob, run: ScriptItem[], report: Report): void {
  const needs = jobNeeds(job, run);
  if (needs.length === 0) return;
  const scopesEntry = getEntry(job.node, 'scopes');
  if (!scopesEntry) {
    const wanted = new Set<Scope>();
    for (const n of needs) for (const s of n.all ?? n.any?.slice(0, 1) ?? []) wanted.add(s);
    const labels = [...new Set(needs.map((n) => n.label))].slice(0, 3).join(', ');
    report(
      findingAt(
        scopeCoverage,
        `job "${job.name}" declares no scopes; expected scopes: [${[...wanted].join(', ')}] for ${labels}`,
        job.keyNode.span,
        job.via,
      ),
    );
    return;
  }
  const declared = new Set(strings(job.node, 'scopes').map((s) => s.value));
  for (const n of needs) {
    const missing = (n.all ?? []).filter((s) => !declared.has(s));
    if (missing.length > 0) {
      const both = (n.all ?? []).length > 1 && missing.length === (n.all ?? []).length;
      report(
        findingAt(
          scopeCoverage,
          `${n.label} needs ${list(n.all ?? [])}; expected ${both ? 'both' : list(missing)} in scopes`,
          n.span,
          n.via,
        ),
      );
    } else if (n.any && !n.any.some((s) => declared.has(s))) {
      report(
        findingAt(
          scopeCoverage,
          `${n.label} needs ${n.any.join(' or ')}; expected one of them in scopes`,
          n.span,
          n.via,
        ),
      );
    }
  }
}

export const scopeCoverage: Rule = {
  id: 'scope-coverage',
  severity: 'error',
  summary: 'the job uses the deploy token for something its scopes do not allow',
  help: 'From GitLab’s scope table: git clone needs read_repository, image pull read_registry, image push read_registry and write_registry, package pull/push read_/write_package_registry, the dependency proxy read_registry and write_registry. Needs are inferred from configure, lfs, dependency_proxy and the commands in run.',
  specJob: (j) => check(j.job, j.scope.items, j.report),
};
