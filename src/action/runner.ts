/**
 * The action's one way to talk to the runner, on `@actions/core` (the library GitHub keeps correct):
 * masks (`setSecret`), annotations, groups, debug lines, the job summary, state, outputs and exported
 * variables. Every text that can carry a value from outside passes the run's scrubber
 * (src/core/scrub.ts) first, and log lines cannot start a workflow command (src/core/output.ts); the
 * secret travels only where it is meant to (masks, GITHUB_ENV, the `password` output when asked for).
 *
 * `@actions/core` reads the runner's files from process.env (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY) and writes its commands to process.stdout: so does this class.
 */
import * as core from '@actions/core';
import { appendFileSync } from 'node:fs';
import { scrubOutputs } from '../app/exports.js';
import { UsageError } from '../core/errors.js';
import { guardOutput, type Output, type TextSink } from '../core/output.js';
import { Scrubber } from '../core/scrub.js';
import { oneLine } from '../core/text.js';
import { prepareGithub, writeGithub } from '../export/github.js';
import type { ExportVariable } from '../export/variables.js';
import { derivedForms } from '../mask/forms.js';

export type AnnotationKind = 'warning' | 'error' | 'notice';

/** Where a finding is, when it has a place (a spec file and line). */
export interface Place {
  file?: string;
  line?: number;
}

const stdout: TextSink = { write: (s) => void process.stdout.write(s) };

export class Runner {
  readonly scrubber: Scrubber;
  private readonly out: Output;

  constructor(opts: { scrubber?: Scrubber; token?: () => string; sink?: TextSink } = {}) {
    this.scrubber = opts.scrubber ?? new Scrubber();
    const sink = opts.sink ?? stdout;
    this.out = guardOutput({ stdout: sink, stderr: sink }, this.scrubber, {
      github: true,
      ...(opts.token ? { token: opts.token } : {}),
    });
  }

  /** A log line (or several): scrubbed, inert. */
  info(text: string): void {
    this.out.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Detail for a step run with debug logging (ACTIONS_STEP_DEBUG): scrubbed, one line. */
  debug(text: string): void {
    if (core.isDebug()) core.debug(oneLine(this.scrubber.scrub(text)));
  }

  /** An annotation, scrubbed, at its file and line when the finding has them. */
  annotate(kind: AnnotationKind, message: string, where: Place = {}): void {
    const props: core.AnnotationProperties = {
      ...(where.file ? { file: where.file } : {}),
      ...(where.line ? { startLine: where.line } : {}),
    };
    core[kind](this.scrubber.scrub(message), props);
  }

  /** Long output folded in the log under `title`. */
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(oneLine(this.scrubber.scrub(title)), fn);
  }

  /**
   * A secret from now on: masked in everything this step prints, and registered with the runner in
   * each form a tool may print it in (raw, base64, URL- and JSON-encoded…), before anything else.
   */
  setSecret(value: string | undefined, opts: { username?: string } = {}): void {
    if (!value) return;
    this.scrubber.add(value, opts);
    const forms = derivedForms(value, opts.username === undefined ? {} : { username: opts.username });
    this.addMasks(forms.map((f) => f.toString('utf8')));
  }

  /** Values the runner must mask (forms already derived). */
  addMasks(forms: readonly string[]): void {
    for (const f of new Set(forms)) if (f.length > 0) core.setSecret(f);
  }

  /**
   * The job summary: a heading and a two-column table (no header row), every cell scrubbed and
   * escaped, rendered by the library's summary builder and appended to GITHUB_STEP_SUMMARY as read
   * now (the library's own write() keeps the first path it saw for the life of the process).
   */
  summary(heading: string, rows: readonly (readonly [string, string])[]): void {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    const cell = (s: string) => htmlText(oneLine(this.scrubber.scrub(s)));
    const html = core.summary
      .emptyBuffer()
      .addHeading(cell(heading), 3)
      .addTable(rows.map(([k, v]) => [{ data: cell(k) }, { data: cell(v) }]))
      .stringify();
    core.summary.emptyBuffer();
    appendFileSync(file, html, { encoding: 'utf8' });
  }

  /** State for the post step (GITHUB_STATE); refuses to run without it. */
  saveState(name: string, value: string, what: string): void {
    if (!process.env.GITHUB_STATE)
      throw new UsageError(`${what} needs GITHUB_STATE (run as a GitHub Action)`, `remove ${what}`);
    core.saveState(name, value);
  }

  /**
   * GITHUB_ENV (the values as they are: the secret channel) and GITHUB_OUTPUT (scrubbed, except the
   * outputs named in `secretOutputs`), both checked before either is written.
   */
  exportAll(
    vars: readonly ExportVariable[],
    outputs: Readonly<Record<string, string>>,
    secretOutputs: readonly string[] = ['password'],
  ): void {
    const scrubbed = scrubOutputs(outputs, this.scrubber, secretOutputs);
    writeGithub(prepareGithub(vars, scrubbed, [], process.env));
  }
}

/**
 * Text as HTML character data: the summary's table is an HTML block (GitHub renders no Markdown
 * inside it), so outside text stays text once &, < and > are escaped.
 */
export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
