/**
 * What a rule of `validate` is, as actionlint has it: one file under rules/ per rule (or per family
 * of ids that one check reports), carrying its id, severity, summary and help, and the checks it runs
 * on each file and each job. The catalog (rules/catalog.ts) lists them, one line each; check.ts walks
 * a spec or a CI file once and calls every rule's hooks on the way.
 */
import type { SourceFile, YNode } from '../yaml/tree.js';
import type { JobView } from './ci/job.js';
import { findingAt, type Finding, type RuleMeta } from './finding.js';
import { wordSpan, type CommandScope, type ScriptItem } from './script.js';
import type { Word } from './shell.js';
import type { SpecJob } from './spec/jobs.js';

export type { RuleMeta, Severity } from './finding.js';

export type Report = (f: Finding) => void;

/** The scopes a job spec (deploy-token.yml) declares, to check a CI file's jobs against. */
export interface SpecScopes {
  /** where the scopes were read, e.g. deploy-token.yml */
  file: string;
  jobs: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One whole file: a job spec or a `.gitlab-ci.yml` (after includes, extends and !reference). */
export interface FileContext {
  kind: 'spec' | 'ci';
  root: YNode;
  /** Every file the tree was read from (a CI file's local includes too). */
  sources: readonly SourceFile[];
  report: Report;
}

/** One job of a spec. `scope` holds its `run` commands; a spec job always uses the token. */
export interface SpecJobContext {
  kind: 'spec';
  root: YNode;
  job: SpecJob;
  scope: CommandScope;
  report: Report;
}

/** One job of a CI file as it runs (scripts with defaults, variables with globals). */
export interface CiJobContext {
  kind: 'ci';
  view: JobView;
  scope: CommandScope;
  /** workflow: rules test the token, so every job is guarded. */
  workflowGuarded: boolean;
  /** The scopes of a job spec next to the CI file, when there is one. */
  specs?: SpecScopes;
  report: Report;
}

export type JobContext = SpecJobContext | CiJobContext;

export interface Rule extends RuleMeta {
  /** Once per file. */
  readonly file?: (f: FileContext) => void;
  /** Once per job (of a spec or a CI file). */
  readonly job?: (j: JobContext) => void;
  /** Once per job of a spec. */
  readonly specJob?: (j: SpecJobContext) => void;
  /** Once per job of a CI file. */
  readonly ciJob?: (j: CiJobContext) => void;
}

/**
 * The script lines of a job that a command rule reads: those not read in the same context yet
 * (CommandScope.fresh) that pass `worth`, a cheap test of the text before any command is parsed.
 */
export function linesFor(scope: CommandScope, worth: (text: string) => boolean): ScriptItem[] {
  return scope.fresh.filter((item) => worth(item.text));
}

/** Reports a finding of `rule` at a word (or any offsets) of a script line. */
export function reportWord(
  report: Report,
  rule: RuleMeta,
  message: string,
  item: ScriptItem,
  w: Pick<Word, 'start' | 'end'>,
): void {
  report(findingAt(rule, message, wordSpan(item, w), item.via));
}
