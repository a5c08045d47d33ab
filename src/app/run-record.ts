/**
 * A CLI run's record in the state directory (src/app/credentials.ts `stateDir`), written before the
 * run makes use of what it lists: the ephemeral token as soon as it exists, every credential file
 * before the first is written. `deploy-token cleanup` reads it; a run that was killed (kill -9, a
 * crashed runner) is found that way. `exec` records its process id: while it runs, cleanup leaves
 * its files alone.
 */
import type { Clock, Env } from '../core/env.js';
import { cleanup, saveManifest, type EphemeralToken, type Manifest } from '../credentials/manifest.js';
import { forgetManifest, recordManifest } from './credentials.js';
import type { RunDir } from './run-dir.js';

export class RunRecord {
  private path: string | undefined;
  private current: Manifest | undefined;

  constructor(
    private readonly env: Env,
    private readonly run: RunDir,
    private readonly opts: { now: Clock; pid?: number },
  ) {}

  /** Where the record is, once one was written. */
  get where(): string | undefined {
    return this.path;
  }

  /** What the record lists so far. */
  get manifest(): Manifest | undefined {
    return this.current;
  }

  /** An ephemeral token of this run, recorded at once. */
  token(t: EphemeralToken): void {
    const m = this.current ?? this.run.manifest(this.opts.now());
    this.save({ ...m, ephemeralTokens: [...(m.ephemeralTokens ?? []), t] });
  }

  /** The files about to be written (`writeJobCredentials` calls this before the first write). */
  readonly files = (planned: Manifest): void => {
    const tokens = this.current?.ephemeralTokens;
    this.save({ ...planned, ...(tokens ? { ephemeralTokens: tokens } : {}) });
  };

  /**
   * The run is over (exec's end, a failed resolve): its files go, and the record with them, unless
   * `tokenLeft` (its token could not be deleted): then the record and the marker stay, naming only
   * the token, for `deploy-token cleanup`. Returns what was removed and what was left.
   */
  close(tokenLeft: boolean): { removed: string[]; refused: string[] } {
    const m = this.current;
    if (!m) return { removed: [], refused: [] };
    const r = cleanup(m, { keepMarker: tokenLeft });
    if (tokenLeft) this.run.keep();
    if (this.path) {
      if (tokenLeft) {
        const { pid: _pid, ...rest } = m;
        saveManifest({ ...rest, files: [], dirs: [] }, this.path);
      } else if (r.refused.length === 0) forgetManifest(this.path);
    }
    return { removed: r.removed, refused: r.refused };
  }

  private save(m: Manifest): void {
    const withPid = this.opts.pid === undefined ? m : { ...m, pid: this.opts.pid };
    this.current = withPid;
    this.path = recordManifest(withPid, this.env);
  }
}
