/**
 * One delivery for every surface (`resolve`, `exec`, the action): what a resolved job gets, handed
 * over as one transaction.
 *
 * 1. The job's variables (CI_DEPLOY_USER / CI_DEPLOY_PASSWORD and the spec's own), their masks
 *    registered before anything else is printed (src/export/masks.ts).
 * 2. Every export rendered first: a value a target cannot carry refuses the run here, before
 *    anything is written.
 * 3. Recorded before use (the ledger: the state directory for the CLI, GITHUB_STATE for the action):
 *    the ephemeral token as soon as the delivery starts, every credential file before the first is
 *    written, so whoever cleans up later (`deploy-token cleanup`, the post step) finds what a killed
 *    run leaves.
 * 4. The credential files written (src/app/job-files.ts), their variables masked and rendered too.
 * 5. The exports written in their order: files first (dotenv), then the runner's (github), then
 *    stdout (shell, json): what `eval "$(…)"` applies never comes from a run that then fails.
 *
 * Any failure undoes what the run made (`undo`): the token deleted, what was written taken back, the
 * record closed (kept, naming only the token, when the token could not be deleted). `exec` calls
 * `undo` when its command ends: its files and token live exactly as long as the command.
 */
import type { Env } from '../core/env.js';
import type { ClientName } from '../credentials/client-names.js';
import type { EphemeralToken, Manifest } from '../credentials/manifest.js';
import { registerMasks, type MaskTargets } from '../export/masks.js';
import type { ExportVariable } from '../export/variables.js';
import { discardEphemeral } from './ephemeral.js';
import { jobVariables } from './exports.js';
import type { FlowResult } from './flow.js';
import { writeJobFiles } from './job-files.js';
import type { RunDir } from './run-dir.js';

/** Where a run records what it leaves behind, before it makes use of it. */
export interface Ledger {
  /** An ephemeral token of this run. */
  token(t: EphemeralToken): void;
  /** The credential files about to be written (called before the first write). */
  files(laidOut: Manifest): void;
  /**
   * The run is over or failed: the files it wrote go. `tokenLeft`: its token could not be deleted,
   * so what names it stays for whoever cleans up later.
   */
  close(tokenLeft: boolean): { removed: string[]; refused: string[] };
  /** Who removes what the run leaves, said when it is made (undefined: the run itself, at its end). */
  readonly later?: { token: string; files: (m: Manifest) => string };
}

/** An export, rendered: nothing is written until `write`; `undo` takes back what `write` did. */
export interface RenderedExport {
  /** 0 files (dotenv), 1 the runner's files (github), 2 stdout (shell, json). */
  rank: 0 | 1 | 2;
  write(): void;
  undo?(): { ok: boolean; line: string };
}

/** The variables of a delivery: the job's, and those of its credential files. */
export interface Delivered {
  job: ExportVariable[];
  files: ExportVariable[];
}

export interface DeliveryPorts {
  env: Env;
  run: RunDir;
  ledger: Ledger;
  /** Clients the surface adds to the job's `configure:` (`--configure`, input `configure`). */
  clients: readonly ClientName[];
  /** Where masks are registered before anything else is printed. */
  masks: MaskTargets;
  /** Every export rendered from the variables (throws on a value a target cannot carry). */
  render?: (v: Delivered) => RenderedExport[];
  /** A line for the log, and one the user should act on (the surface adds its prefix). */
  say(line: string): void;
  warn(line: string): void;
}

export class Delivery {
  private readonly written: RenderedExport[] = [];
  /** The credential files recorded (and so about to be, or being, written). */
  private laidOut: Manifest | undefined;
  private prepared: Promise<ExportVariable[]> | undefined;
  private undone = false;

  constructor(
    private readonly flow: FlowResult,
    private readonly ports: DeliveryPorts,
  ) {}

  /**
   * The start, on its own for a surface that must mask before it prints anything else (the action):
   * the ephemeral token recorded, the job's variables made and their masks registered. Once.
   */
  prepare(): Promise<ExportVariable[]> {
    this.prepared ??= this.guarded(() => this.start());
    return this.prepared;
  }

  /**
   * The whole delivery: `prepare`, then every export rendered, the credential files recorded and
   * written, the exports written. Returns the variables delivered. On failure everything is undone
   * before the error goes on.
   */
  async deliver(): Promise<Delivered> {
    const job = await this.prepare();
    return this.guarded(() => this.finish(job));
  }

  private async guarded<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      await this.undo();
      throw e;
    }
  }

  private async start(): Promise<ExportVariable[]> {
    const { flow, ports } = this;
    const t = flow.ephemeral;
    if (t) {
      ports.ledger.token(t);
      const later = ports.ledger.later?.token;
      if (later) ports.say(`created ephemeral token #${t.tokenId} (${t.name}); ${later}`);
    }
    const job = await jobVariables(flow, ports.env);
    this.register(job);
    return job;
  }

  private async finish(job: ExportVariable[]): Promise<Delivered> {
    const { flow, ports } = this;
    const v: Delivered = { job, files: [] };
    // All or nothing: every target rendered (checked) before a file is written.
    let rendered = ports.render?.(v) ?? [];
    const written = await writeJobFiles(flow, ports.env, ports.clients, ports.run, (m) => {
      ports.ledger.files(m);
      this.laidOut = m;
    });
    if (written) {
      // Settings that hold the token are secret: masked like the password.
      v.files = written.variables;
      this.register(v.files);
      const later = ports.ledger.later?.files(written.manifest);
      ports.say(
        `wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}${later ? `; ${later}` : ''}`,
      );
      rendered = ports.render?.(v) ?? [];
    }
    for (const r of [...rendered].sort((a, b) => a.rank - b.rank)) {
      r.write();
      this.written.push(r);
    }
    return v;
  }

  private register(vars: readonly ExportVariable[]): void {
    const creds = this.flow.resolution.credentials;
    if (!creds) throw new Error('internal: a delivery needs resolved credentials');
    registerMasks(vars, creds.username, this.ports.masks);
  }

  /**
   * Takes back what the run made, once (later calls do nothing): the ephemeral token deleted, what
   * was exported to files taken back, the credential files removed and the record closed (kept,
   * naming only the token, when the token could not be deleted), the run's directory discarded.
   */
  async undo(): Promise<void> {
    if (this.undone) return;
    this.undone = true;
    const { ports } = this;
    const d = await discardEphemeral(this.flow);
    if (d) (d.ok ? ports.say : ports.warn)(d.line);
    for (const r of this.written.reverse()) {
      const u = r.undo?.();
      if (u) (u.ok ? ports.say : ports.warn)(u.line);
    }
    try {
      const c = ports.ledger.close(d !== undefined && !d.ok);
      const files = this.laidOut?.files.length ?? 0;
      if (files > 0 || c.refused.length > 0) {
        const left = c.refused.length ? `; left ${c.refused.join(', ')}` : '';
        (c.refused.length ? ports.warn : ports.say)(
          `removed the ${files} credential file(s) this run wrote${left}`,
        );
      }
    } catch (e) {
      ports.warn(
        `could not remove the credential files this run wrote (${(e as { message?: string }).message ?? String(e)}); remove them`,
      );
    }
    ports.run.discard();
  }
}
