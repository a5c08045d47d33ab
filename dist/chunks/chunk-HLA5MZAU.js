import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/credentials/write.ts
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
function isPrivate(dir) {
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  return st.isDirectory() && (uid === void 0 || st.uid === uid) && (st.mode & 63) === 0;
}
function tempBase(env) {
  return env.RUNNER_TEMP && env.RUNNER_TEMP !== "" ? env.RUNNER_TEMP : tmpdir();
}
function privateDir(env) {
  const base = tempBase(env);
  let dir;
  try {
    dir = mkdtempSync(join(realpathSync(base), "deploy-token-"));
  } catch (e) {
    const code = e.code;
    throw new UsageError(
      `cannot create a private directory in ${base}${code ? ` (${code})` : ""}`,
      "check that RUNNER_TEMP (or the system temp dir) exists and is writable"
    );
  }
  if (!isPrivate(dir)) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(
      `the private directory ${dir} is not private`,
      "check the temp directory for tampering"
    );
  }
  return dir;
}
function layoutManifest(layout, dir, variables) {
  const dirs = [];
  for (const f of layout.files) {
    let parent = dir;
    for (const part of f.path.split("/").slice(0, -1)) {
      parent = join(parent, part);
      if (!dirs.includes(parent)) dirs.push(parent);
    }
  }
  const files = layout.files.map((f) => join(dir, f.path));
  return { version: 1, createdAt: (/* @__PURE__ */ new Date()).toISOString(), dir, files, dirs, variables: [...variables] };
}
var FS_IO = { openSync, writeSync: (fd, data) => writeSync(fd, data) };
function writeCredentials(layout, dir = layout.dir, variables = layout.variables.map((v) => v.name), io = FS_IO) {
  if (!dir) throw new UsageError("no directory to write the credential files in", "use privateDir()");
  const manifest = {
    version: 1,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    dir,
    files: [],
    dirs: [],
    variables: [...variables]
  };
  let ours = false;
  try {
    if (!isPrivate(dir)) {
      throw Object.assign(new Error("not a private directory"), { code: "EPERM" });
    }
    ours = true;
    for (const f of layout.files) {
      const parts = f.path.split("/");
      let parent = dir;
      for (const part of parts.slice(0, -1)) {
        parent = join(parent, part);
        if (manifest.dirs.includes(parent)) continue;
        mkdirSync(parent, { mode: 448 });
        manifest.dirs.push(parent);
      }
      const path = join(dir, f.path);
      const fd = io.openSync(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        384
      );
      manifest.files.push(path);
      try {
        fchmodSync(fd, f.mode);
        const n = io.writeSync(fd, f.content);
        if (n !== Buffer.byteLength(f.content))
          throw Object.assign(new Error("short write"), { code: "EIO" });
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    if (ours) undo(manifest);
    const code = e.code;
    throw new UsageError(
      `cannot write credential files in ${dir}${code ? ` (${code})` : ""}; nothing was left behind`,
      "check free space and permissions of the temp directory"
    );
  }
  return manifest;
}
function undo(m) {
  for (const f of m.files) {
    try {
      unlinkSync(f);
    } catch {
    }
  }
  for (const d of [...[...m.dirs].reverse(), m.dir]) {
    try {
      if (lstatSync(d).isDirectory() && readdirSync(d).length === 0) rmdirSync(d);
    } catch {
    }
  }
}

// src/export/files.ts
import { randomBytes } from "node:crypto";
import { closeSync as closeSync2, constants as constants2, openSync as openSync2, renameSync, rmSync as rmSync2, writeSync as writeSync2 } from "node:fs";
import { basename, dirname, join as join2 } from "node:path";
function writeFileAtomic(path, content, mode = 384) {
  const tmp = join2(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync2(
      tmp,
      constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | constants2.O_NOFOLLOW,
      mode
    );
    writeSync2(fd, content);
    closeSync2(fd);
    fd = void 0;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== void 0) closeSync2(fd);
    rmSync2(tmp, { force: true });
    const code = e.code;
    throw new UsageError(
      `cannot write ${path}${code ? ` (${code})` : ""}`,
      "check that the directory exists and is writable"
    );
  }
}

// src/credentials/manifest.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import {
  closeSync as closeSync3,
  constants as constants3,
  lstatSync as lstatSync3,
  openSync as openSync3,
  readdirSync as readdirSync2,
  readFileSync,
  realpathSync as realpathSync2,
  rmdirSync as rmdirSync2,
  unlinkSync as unlinkSync2,
  writeSync as writeSync3
} from "node:fs";
import { basename as basename2, dirname as dirname2, isAbsolute, join as join3, relative, resolve } from "node:path";

// src/core/owned.ts
import { lstatSync as lstatSync2 } from "node:fs";
var KINDS = {
  directory: { is: (st) => st.isDirectory(), isNot: "it is not a directory", write: "write in it" },
  file: { is: (st) => st.isFile(), isNot: "it is not a regular file", write: "write it" }
};
function whyNotOurs(path, kind, uid, opts = {}) {
  let st;
  try {
    st = lstatSync2(path);
  } catch (e) {
    const code = e.code;
    return code === "ENOENT" && opts.absentOk ? void 0 : `it cannot be read (${code ?? "error"})`;
  }
  const k = KINDS[kind];
  if (st.isSymbolicLink()) return "it is a symlink";
  if (!k.is(st)) return k.isNot;
  if (uid !== void 0 && st.uid !== uid) return `it belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 18) !== 0) return `others may ${k.write} (mode ${(st.mode & 511).toString(8)})`;
  return void 0;
}

// src/credentials/manifest.ts
var MARKER_FILE = ".deploy-token-run";
var MARKER_RE = /^[0-9a-f]{32}$/;
var RUN_DIR_RE = /^deploy-token-[A-Za-z0-9]{6}$/;
function markerStamp(marker) {
  return marker.slice(0, 12);
}
var NOT_A_MANIFEST = "pass the manifest file an earlier run wrote";
function parseManifest(text, where) {
  let m;
  try {
    m = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not a deploy-token manifest (not JSON)`, NOT_A_MANIFEST);
  }
  const o = m;
  const strings = (x) => Array.isArray(x) && x.every((s) => typeof s === "string");
  const tokens = (x) => x === void 0 || Array.isArray(x) && x.every(
    (t) => (t?.level === "project" || t?.level === "group") && (typeof t.id === "string" || typeof t.id === "number") && Number.isInteger(t.tokenId) && (t.name === void 0 || typeof t.name === "string") && (t.gitlabUrl === void 0 || typeof t.gitlabUrl === "string")
  );
  if (o?.version !== 1 || typeof o.dir !== "string" || !isAbsolute(o.dir) || !strings(o.files) || !strings(o.dirs) || !strings(o.variables) || !tokens(o.ephemeralTokens) || o.job !== void 0 && typeof o.job !== "string" || o.marker !== void 0 && typeof o.marker !== "string" || o.pid !== void 0 && !Number.isInteger(o.pid)) {
    throw new UsageError(`${where} is not a deploy-token manifest`, NOT_A_MANIFEST);
  }
  return o;
}
function loadManifest(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(
      `cannot read manifest ${path} (${e.code ?? "error"})`,
      "check the path"
    );
  }
  return parseManifest(text, path);
}
function saveManifest(m, path) {
  writeFileAtomic(path, `${JSON.stringify(m, null, 2)}
`, 384);
}
function untrustedManifest(path, uid = process.getuid?.()) {
  return whyNotOurs(path, "file", uid);
}
function writeMarker(dir, random = () => randomBytes2(16).toString("hex")) {
  const marker = random();
  if (!MARKER_RE.test(marker)) throw new Error("internal: a marker is 32 hex digits");
  const fd = openSync3(
    join3(dir, MARKER_FILE),
    constants3.O_WRONLY | constants3.O_CREAT | constants3.O_EXCL | constants3.O_NOFOLLOW,
    384
  );
  try {
    writeSync3(fd, `${marker}
`);
  } finally {
    closeSync3(fd);
  }
  return marker;
}
function readMarker(dir, uid) {
  const path = join3(dir, MARKER_FILE);
  const st = stat(path);
  if (!st?.isFile() || uid !== void 0 && st.uid !== uid || (st.mode & 63) !== 0 || st.size > 64)
    return void 0;
  return readFileSync(path, "utf8").trim();
}
function untrustedRunDir(m, base, uid = process.getuid?.()) {
  if (m.marker === void 0 || !MARKER_RE.test(m.marker)) return "it records no marker";
  let root;
  try {
    root = realpathSync2(base);
  } catch {
    return `the temp directory ${base} cannot be read`;
  }
  if (dirname2(m.dir) !== root || !RUN_DIR_RE.test(basename2(m.dir)))
    return `${m.dir} is not a directory this tool creates in ${root}`;
  const st = stat(m.dir);
  if (!st) return "gone";
  if (!st.isDirectory()) return `${m.dir} is not a directory (a symlink?)`;
  if (uid !== void 0 && st.uid !== uid) return `${m.dir} belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 511) !== 448) return `${m.dir} has mode ${(st.mode & 511).toString(8)}, not 700`;
  if (readMarker(m.dir, uid) !== m.marker) return `${m.dir} does not hold the marker its run wrote`;
  return void 0;
}
function inside(dir, p) {
  const rel = relative(resolve(dir), resolve(p));
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}
var stat = (p) => {
  try {
    return lstatSync3(p);
  } catch {
    return void 0;
  }
};
function realParents(dir, p) {
  for (let d = dirname2(resolve(p)); ; d = dirname2(d)) {
    const st = stat(d);
    if (st && !st.isDirectory()) return false;
    if (d === resolve(dir) || d === dirname2(d)) return true;
  }
}
function cleanup(m, opts = {}) {
  const report = { removed: [], missing: [], refused: [] };
  const dry = opts.dryRun === true;
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  if (opts.base !== void 0) {
    const why = untrustedRunDir(m, opts.base, uid);
    if (why === "gone") {
      report.missing.push(m.dir);
      return report;
    }
    if (why) {
      report.refused.push(m.dir, ...m.files, ...m.dirs);
      report.why = why;
      return report;
    }
  }
  const top = stat(m.dir);
  if (top && (!top.isDirectory() || uid !== void 0 && top.uid !== uid || (top.mode & 63) !== 0)) {
    report.refused.push(m.dir, ...m.files, ...m.dirs);
    return report;
  }
  const gone = /* @__PURE__ */ new Set();
  const remove = (p, rm) => {
    if (!dry) rm(p);
    gone.add(resolve(p));
    report.removed.push(p);
  };
  const empty = (d) => readdirSync2(d).every((e) => gone.has(resolve(d, e)));
  for (const f of m.files) {
    if (!inside(m.dir, f) || !realParents(m.dir, f)) {
      report.refused.push(f);
      continue;
    }
    const st = stat(f);
    if (!st) report.missing.push(f);
    else if (st.isDirectory()) report.refused.push(f);
    else remove(f, unlinkSync2);
  }
  for (const d of [...m.dirs].sort((a, b) => b.length - a.length)) {
    if (!inside(m.dir, d) || !realParents(m.dir, d)) {
      report.refused.push(d);
      continue;
    }
    const st = stat(d);
    if (!st) report.missing.push(d);
    else if (!st.isDirectory() || !empty(d)) report.refused.push(d);
    else remove(d, rmdirSync2);
  }
  if (top && m.marker !== void 0 && !opts.keepMarker && readMarker(m.dir, uid) === m.marker) {
    const marker = join3(m.dir, MARKER_FILE);
    if (!dry) unlinkSync2(marker);
    gone.add(resolve(marker));
  }
  if (!top) report.missing.push(m.dir);
  else if (opts.keepMarker && stat(join3(m.dir, MARKER_FILE))) return report;
  else if (!empty(m.dir)) report.refused.push(m.dir);
  else remove(m.dir, rmdirSync2);
  return report;
}

export {
  tempBase,
  privateDir,
  layoutManifest,
  writeCredentials,
  whyNotOurs,
  writeFileAtomic,
  markerStamp,
  parseManifest,
  loadManifest,
  saveManifest,
  untrustedManifest,
  writeMarker,
  untrustedRunDir,
  cleanup
};
