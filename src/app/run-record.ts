/**
 * The ledgers of a delivery (src/app/delivery.ts): where a run records what it leaves behind before
 * it makes use of it — the ephemeral token as soon as it exists, every credential file before the
 * first is written.
 *
 * - `RunRecord`: a CLI run's record in the state directory (src/app/state-dir.ts). `deploy-token
 *   cleanup` reads it; a run that was killed (kill -9, a crashed runner) is found that way. `exec`
 *   records its process id: while it runs, cleanup leaves its files alone.
 * - `StateRecord`: the action's, saved whole for the post step each time it changes (GITHUB_STATE).
 */
import type { Clock, Env } from '../core/env.js';
import { cleanup, saveManifest, type EphemeralToken, type Manifest } from '../credentials/manifest.js';
import type { Ledger } from './delivery.js';
import type { RunDir } from './run-dir.js';
import { forgetManifest, recordManifest } from './state-dir.js';

/** What a ledger lists: the files laid out and the tokens, in one manifest. */
abstract class ManifestLedger implements Ledger {
  protected current: Manifest | undefined;

  constructor(
    protected readonly run: RunDir,
    protected readonly now: Clock,
  ) {}

  /** What the record lists so far. */
  get manifest(): Manifest | undefined {
    return this.current;
  }

  token(t: EphemeralToken): void {
    const m = this.current ?? this.run.manifest(this.now());
    this.save({ ...m, ephemeralTokens: [...(m.ephemeralTokens ?? []), t] });
  }

  readonly files = (laidOut: Manifest): void => {
    const tokens = this.current?.ephemeralTokens;
    this.save({ ...laidOut, ...(tokens ? { ephemeralTokens: tokens } : {}) });
  };

  abstract close(tokenLeft: boolean): { removed: string[]; refused: string[] };
  protected abstract save(m: Manifest): void;
}

export class RunRecord extends ManifestLedger {
  private path: string | undefined;
  readonly later: Ledger['later'];

  /** `cleanup`: what the run leaves stays for `deploy-token cleanup` (resolve); else the run removes it (exec). */
  constructor(
    private readonly env: Env,
    run: RunDir,
    private readonly opts: { now: Clock; pid?: number; cleanup?: boolean },
  ) {
    super(run, opts.now);
    this.later = opts.cleanup
      ? {
          token: 'run `deploy-token cleanup` when the job ends (e.g. in after_script) to delete it',
          files: () => `\`deploy-token cleanup\` removes them (manifest ${this.path ?? '?'})`,
        }
      : undefined;
  }

  /** Where the record is, once one was written. */
  get where(): string | undefined {
    return this.path;
  }

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

  protected save(m: Manifest): void {
    const withPid = this.opts.pid === undefined ? m : { ...m, pid: this.opts.pid };
    this.current = withPid;
    this.path = recordManifest(withPid, this.env);
  }
}

/**
 * The action's ledger: the whole manifest saved (`saveState`, GITHUB_STATE) each time it changes; the
 * post step reads the last one. A run that recorded a token keeps its directory's marker whatever
 * happens here: the post step checks the token against it.
 */
export class StateRecord extends ManifestLedger {
  readonly later: Ledger['later'] = { token: 'the post step deletes it', files: () => '' };

  constructor(
    private readonly saveState: (m: Manifest) => void,
    run: RunDir,
    now: Clock,
  ) {
    super(run, now);
  }

  close(): { removed: string[]; refused: string[] } {
    const m = this.current;
    if (!m) return { removed: [], refused: [] };
    const tokens = (m.ephemeralTokens?.length ?? 0) > 0;
    const r = cleanup(m, { keepMarker: tokens });
    if (tokens) this.run.keep();
    return { removed: r.removed, refused: r.refused };
  }

  protected save(m: Manifest): void {
    this.current = m;
    this.saveState(m);
  }
}
