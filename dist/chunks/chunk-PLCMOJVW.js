import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  cleanup,
  forgetManifest,
  recordManifest,
  saveManifest
} from "./chunk-QSJHQO5Z.js";

// src/app/run-record.ts
var RunRecord = class {
  constructor(env, run, opts) {
    this.env = env;
    this.run = run;
    this.opts = opts;
  }
  env;
  run;
  opts;
  path;
  current;
  /** Where the record is, once one was written. */
  get where() {
    return this.path;
  }
  /** What the record lists so far. */
  get manifest() {
    return this.current;
  }
  /** An ephemeral token of this run, recorded at once. */
  token(t) {
    const m = this.current ?? this.run.manifest(this.opts.now());
    this.save({ ...m, ephemeralTokens: [...m.ephemeralTokens ?? [], t] });
  }
  /** The files about to be written (`writeJobCredentials` calls this before the first write). */
  files = (planned) => {
    const tokens = this.current?.ephemeralTokens;
    this.save({ ...planned, ...tokens ? { ephemeralTokens: tokens } : {} });
  };
  /**
   * The run is over (exec's end, a failed resolve): its files go, and the record with them, unless
   * `tokenLeft` (its token could not be deleted): then the record and the marker stay, naming only
   * the token, for `deploy-token cleanup`. Returns what was removed and what was left.
   */
  close(tokenLeft) {
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
  save(m) {
    const withPid = this.opts.pid === void 0 ? m : { ...m, pid: this.opts.pid };
    this.current = withPid;
    this.path = recordManifest(withPid, this.env);
  }
};

export {
  RunRecord
};
