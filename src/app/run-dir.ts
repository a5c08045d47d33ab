/**
 * The directory a run leaves things in (credential files, the marker that ties an ephemeral token
 * to the run), made on first need: a private directory (0700) directly in RUNNER_TEMP or the temp
 * dir, holding a random marker (src/credentials/manifest.ts). Whoever cleans up later — the action's
 * post step, `deploy-token cleanup` — touches the directory only when it still holds that marker,
 * and deletes an ephemeral token only when its name carries the marker's stamp.
 */
import { rmSync } from 'node:fs';
import type { Env } from '../core/env.js';
import { UsageError } from '../core/errors.js';
import { cleanup, markerStamp, writeMarker, type Manifest } from '../credentials/manifest.js';
import { privateDir } from '../credentials/write.js';

export class RunDir {
  private made: { dir: string; marker: string } | undefined;
  private kept = false;

  constructor(
    private readonly env: Env,
    private readonly random?: () => string,
  ) {}

  /** The directory and its marker, made now if they are not yet. */
  open(): { dir: string; marker: string } {
    if (!this.made) {
      const dir = privateDir(this.env);
      try {
        this.made = { dir, marker: writeMarker(dir, this.random) };
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        const code = (e as { code?: string }).code;
        throw new UsageError(
          `cannot write the run marker in ${dir}${code ? ` (${code})` : ''}`,
          'check free space and permissions of the temp directory',
        );
      }
    }
    return this.made;
  }

  get opened(): boolean {
    return this.made !== undefined;
  }

  /** The suffix of an ephemeral token's name made in this run (opens the directory). */
  readonly stamp = (): string => markerStamp(this.open().marker);

  /** A record still names the directory's marker (a token left to delete): `discard` leaves it. */
  keep(): void {
    this.kept = true;
  }

  /** Removes the directory again when nothing but the marker is in it (a run that left nothing). */
  discard(): void {
    if (!this.made || this.kept) return;
    const r = cleanup({ ...this.manifest(new Date()) });
    if (r.refused.length === 0) this.made = undefined;
  }

  /** An empty manifest of this run (opens the directory). */
  manifest(now: Date): Manifest {
    const { dir, marker } = this.open();
    return { version: 1, createdAt: now.toISOString(), dir, marker, files: [], dirs: [], variables: [] };
  }
}
