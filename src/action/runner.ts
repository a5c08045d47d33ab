/**
 * The action's one way to talk to the runner: log lines, annotations, masks, the job summary, step
 * outputs, state and exported variables. Every text that can carry a value from outside passes the
 * run's scrubber (src/core/scrub.ts) and cannot start a workflow command (src/core/output.ts); the
 * secret travels only where it is meant to (masks, GITHUB_ENV, the `password` output when asked for).
 * The protocol underneath (workflow commands, file commands) can move to `@actions/core` without
 * changing what passes through here.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { scrubOutputs } from '../app/exports.js';
import type { Env } from '../core/env.js';
import { UsageError } from '../core/errors.js';
import { guardOutput, type Output, type TextSink } from '../core/output.js';
import { Scrubber } from '../core/scrub.js';
import { oneLine } from '../core/text.js';
import { githubFiles, heredoc, renderGithub, writeGithub } from '../export/github.js';
import type { ExportVariable } from '../export/variables.js';
import { derivedForms } from '../mask/forms.js';

export type AnnotationKind = 'warning' | 'error' | 'notice';

export class Runner {
  readonly scrubber: Scrubber;
  private readonly out: Output;

  constructor(
    readonly env: Env,
    stdout: TextSink,
    opts: { scrubber?: Scrubber; token?: () => string } = {},
  ) {
    this.scrubber = opts.scrubber ?? new Scrubber();
    this.out = guardOutput({ stdout, stderr: stdout }, this.scrubber, {
      github: true,
      ...(opts.token ? { token: opts.token } : {}),
    });
  }

  /** A log line (or several): scrubbed, inert. */
  info(text: string): void {
    this.out.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** An annotation: the message scrubbed, on one line (its data escaped). */
  annotate(kind: AnnotationKind, message: string): void {
    this.out.command(kind, this.scrubber.scrub(message));
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
    for (const f of new Set(forms)) if (f.length > 0) this.out.command('add-mask', f);
  }

  /** Appends Markdown to the job summary, scrubbed (the caller escapes what is outside text). */
  summary(markdown: string): void {
    if (this.env.GITHUB_STEP_SUMMARY)
      appendFileSync(this.env.GITHUB_STEP_SUMMARY, this.scrubber.scrub(markdown));
  }

  /** State for the post step (GITHUB_STATE); refuses to run without it. */
  saveState(name: string, value: string, what: string): void {
    if (!this.env.GITHUB_STATE)
      throw new UsageError(`${what} needs GITHUB_STATE (run as a GitHub Action)`, `remove ${what}`);
    appendFileSync(this.env.GITHUB_STATE, heredoc(name, value, `ghadelimiter_${randomUUID()}`));
  }

  /**
   * GITHUB_ENV (the values as they are: the secret channel) and GITHUB_OUTPUT (scrubbed, except the
   * outputs named in `secretOutputs`), both rendered before either is written.
   */
  exportAll(
    vars: readonly ExportVariable[],
    outputs: Readonly<Record<string, string>>,
    secretOutputs: readonly string[] = ['password'],
  ): void {
    const scrubbed = scrubOutputs(outputs, this.scrubber, secretOutputs);
    writeGithub(renderGithub(vars, scrubbed, []), githubFiles(this.env), (m) => this.addMasks([m]));
  }
}

/**
 * A Markdown table row of the summary, whose value may carry outside text: one line, no column
 * break, no HTML, no link.
 */
export function summaryRow(key: string, value: string): string {
  const cell = (s: string) =>
    oneLine(s)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([[\]])/g, '\\$1');
  return `| ${cell(key)} | ${cell(value)} |\n`;
}
