import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  checkTemplate,
  freeNames,
  loadTemplating,
  parseTemplate,
  templating
} from "./chunk-4XOODLE4.js";
import {
  CLIENTS,
  CLIENT_NAMES,
  abilities,
  isClientName
} from "./chunk-YM2RZDLZ.js";
import {
  checkExportName
} from "./chunk-M2XMWK6Z.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/credentials/plan.ts
import { dirname } from "node:path";

// src/credentials/merge.ts
function mergeDockerConfig(ours, user) {
  if (user === void 0) return ours;
  let theirs;
  try {
    theirs = JSON.parse(user);
  } catch {
    return ours;
  }
  if (typeof theirs !== "object" || theirs === null || Array.isArray(theirs)) return ours;
  const o = JSON.parse(ours);
  const t = { ...theirs };
  delete t.credsStore;
  const obj = (x) => typeof x === "object" && x !== null && !Array.isArray(x) ? x : {};
  const helpers = Object.fromEntries(
    Object.entries(obj(t.credHelpers)).filter(([host]) => !(host in o.auths))
  );
  const merged = { ...t, auths: { ...obj(t.auths), ...o.auths } };
  if (Object.keys(helpers).length > 0) merged.credHelpers = helpers;
  else delete merged.credHelpers;
  return `${JSON.stringify(merged, null, 2)}
`;
}
function mergeContainersAuth(ours, user) {
  return (user ?? []).reduce((acc, text) => mergeDockerConfig(acc, text), ours);
}

// src/credentials/escape.ts
var UnsafeValueError = class extends Error {
};
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
function xml(v) {
  const s = String(v);
  if (CONTROL.test(s)) throw new UnsafeValueError("a value with control characters cannot be written to XML");
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
function json(v) {
  return JSON.stringify(String(v));
}
function ini(v) {
  const s = String(v);
  if (/[\r\n]/.test(s) || CONTROL.test(s))
    throw new UnsafeValueError("a value with a line break cannot be written to an INI file");
  if (s !== s.trim())
    throw new UnsafeValueError(
      "a value with leading or trailing white space cannot be written to an INI file"
    );
  return s;
}
function npmrc(v) {
  const s = String(v);
  return /[;#"'\\\u0000-\u001f]/.test(s) || s !== s.trim() || s.startsWith("[") ? JSON.stringify(s) : s;
}
function gitq(v) {
  const s = String(v);
  if (/[\r\n]/.test(s) || CONTROL.test(s))
    throw new UnsafeValueError("a value with a line break cannot be written to git config");
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
function netrc(v) {
  const s = String(v);
  if (s === "" || /[\s"'\\]/.test(s) || CONTROL.test(s) || s.startsWith("#"))
    throw new UnsafeValueError(
      "a value with white space, quotes, a backslash or a leading # cannot be written to a netrc"
    );
  return s;
}
function sh(v) {
  return `'${String(v).replace(/'/g, `'\\''`)}'`;
}
var FORMAT_FILTERS = { xml, json, ini, npmrc, gitq, netrc, sh };

// src/credentials/render.ts
var engine;
function env() {
  if (!engine) {
    engine = new (templating()).Environment(null, { autoescape: false, throwOnUndefined: true });
    for (const [name, fn] of Object.entries(FORMAT_FILTERS)) engine.addFilter(name, fn);
    engine.addFilter("base64", (s) => Buffer.from(String(s), "utf8").toString("base64"));
  }
  return engine;
}
function checkNames(source, values) {
  for (const { name } of freeNames(parseTemplate(source))) {
    if (!Object.prototype.hasOwnProperty.call(values, name))
      throw new Error(`"${name}" is not a template value`);
  }
}
function renderClientTemplate(name, template, values) {
  try {
    checkTemplate(template);
    checkNames(template, values);
    return env().renderString(template, values);
  } catch (e) {
    const cause = e.cause;
    if (e instanceof UnsafeValueError || cause instanceof UnsafeValueError) {
      throw new UsageError(
        `cannot write ${name}: ${e.message.split("\n").pop()?.trim()}`,
        "this value cannot be carried by that file format; use exec with environment variables instead"
      );
    }
    const msg = (e.message ?? "render error").split("\n").filter(Boolean).pop()?.trim();
    throw new UsageError(`template ${name} failed: ${msg}`, "use only the documented template values");
  }
}

// src/credentials/values.ts
var enc = (x) => encodeURIComponent(String(x));
var OPTION_RULES = {
  "kubernetes.name": [
    /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    "a DNS-1123 subdomain such as gitlab-registry"
  ],
  "kubernetes.namespace": [/^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a DNS-1123 label such as apps"],
  "nuget.source": [/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, "letters, digits, _, . and -, e.g. GitLab"],
  "poetry.source": [
    /^[a-z][a-z-]{0,99}$/,
    "lower-case letters and -, e.g. gitlab (poetry reads POETRY_REPOSITORIES_<NAME>_URL for [A-Z_] only)"
  ],
  "uv.index": [/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, "letters, digits, _, . and -, e.g. gitlab"],
  "twine.repository": [/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, "letters, digits, _, . and -, e.g. gitlab"]
};
function option(options, key, fallback) {
  const [client, name] = key.split(".");
  const raw = options?.[client]?.[name];
  if (raw === void 0) return fallback;
  const [re, expected] = OPTION_RULES[key] ?? [/^$/, "no value"];
  if (typeof raw !== "string" || !re.test(raw)) {
    throw new UsageError(
      `client_options.${key} "${String(raw).slice(0, 60)}" is not usable`,
      `expected ${expected}`
    );
  }
  return raw;
}
function prependList(first, user) {
  const rest = (user ?? "").split(",").filter((x) => x !== "" && x !== first);
  return [first, ...rest].join(",");
}
function goJson(x) {
  return JSON.stringify(x).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
var b64 = (s) => Buffer.from(s, "utf8").toString("base64");
function composerAuth(host, username, password, user) {
  let theirs = {};
  try {
    const parsed = user ? JSON.parse(user) : {};
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      theirs = parsed;
  } catch {
  }
  const basic = theirs["http-basic"];
  const basicObj = typeof basic === "object" && basic !== null && !Array.isArray(basic) ? basic : {};
  return JSON.stringify({ ...theirs, "http-basic": { ...basicObj, [host]: { username, password } } });
}
function clientValues(ctx, user = {}) {
  const u = new URL(ctx.gitlabUrl);
  const gitlabUrl = ctx.gitlabUrl.replace(/\/+$/, "");
  const api = (ctx.apiUrl ?? `${gitlabUrl}/api/v4`).replace(/\/+$/, "");
  const project = `${api}/projects/${enc(ctx.projectId)}`;
  const group = ctx.groupId !== void 0 && ctx.groupId !== "" ? `${api}/groups/${enc(ctx.groupId)}/-` : void 0;
  const read = group ?? project;
  const noScheme = (url) => url.replace(/^https?:/, "");
  const npmAuth = [.../* @__PURE__ */ new Set([`${read}/packages/npm/`, `${project}/packages/npm/`])].map(
    (r) => `${noScheme(r)}:_authToken`
  );
  for (const k of npmAuth) {
    if (/[=\r\n]/.test(k)) throw new UsageError(`the GitLab URL cannot be an npm config key: ${k}`);
  }
  const pipUrl = new URL(`${read}/packages/pypi/simple`);
  const auth = `${enc(ctx.username)}:${enc(ctx.password)}@`;
  const gitlabHost = ctx.gitlabHost ?? u.host;
  const o = ctx.options;
  const nugetFeed = o?.nuget?.feed ?? "v3";
  if (nugetFeed !== "v3" && nugetFeed !== "v2")
    throw new UsageError(
      `client_options.nuget.feed "${String(nugetFeed).slice(0, 20)}" is not v2 or v3`,
      "use v3 (index.json, NuGet 3+) or v2 (NuGet 2, Chocolatey 1)"
    );
  const goPrefix = `${u.hostname}${u.pathname.replace(/\/+$/, "")}`;
  const registry = ctx.registry ?? "";
  return {
    username: ctx.username,
    password: ctx.password,
    gitlab_url: gitlabUrl,
    gitlab_host: gitlabHost,
    gitlab_hostname: u.hostname,
    api_url: api,
    project_id: ctx.projectId,
    project_path: ctx.projectPath,
    group_id: ctx.groupId ?? "",
    registry,
    dependency_proxy: ctx.dependencyProxy ?? "",
    registries: [ctx.registry, ctx.dependencyProxy].filter((x) => !!x).filter((x, i, a) => a.indexOf(x) === i),
    npm_registry: `${read}/packages/npm/`,
    npm_publish_registry: `${project}/packages/npm/`,
    npm_auth_keys: npmAuth,
    nuget_source_name: option(o, "nuget.source", "GitLab"),
    nuget_source: `${project}/packages/nuget/${nugetFeed === "v2" ? "v2" : "index.json"}`,
    maven_url: `${read}/packages/maven`,
    pypi_index: `${pipUrl.protocol}//${auth}${pipUrl.host}${pipUrl.pathname}`,
    pypi_upload: `${project}/packages/pypi`,
    pypi_repository: option(o, "twine.repository", "gitlab"),
    poetry_source: option(o, "poetry.source", "gitlab"),
    uv_index: option(o, "uv.index", "gitlab"),
    k8s_name: option(o, "kubernetes.name", "gitlab-registry"),
    k8s_namespace: option(o, "kubernetes.namespace", ""),
    // kubectl's DockerConfigJSON: username, password, auth, in that order (k8s.io/kubectl secret_for_docker_registry.go).
    k8s_dockerconfigjson: registry ? b64(
      goJson({
        auths: {
          [registry]: {
            username: ctx.username,
            password: ctx.password,
            auth: b64(`${ctx.username}:${ctx.password}`)
          }
        }
      })
    ) : "",
    go_private: prependList(goPrefix, user.GOPRIVATE),
    go_nosumdb: prependList(goPrefix, user.GONOSUMDB),
    composer_auth: composerAuth(gitlabHost, ctx.username, ctx.password, user.COMPOSER_AUTH)
  };
}

// src/credentials/plan.ts
function checkRelativePath(p) {
  const parts = p.split("/");
  if (p === "" || p.startsWith("/") || parts.some((x) => x === ".." || x === "." || x === "") || /[\u0000-\u001f\u007f\\]/.test(p) || p.length > 255) {
    throw new UsageError(
      `file path "${p.slice(0, 80)}" must be a plain relative name inside the credentials directory`,
      'e.g. path: netrc (no "..", no leading "/")'
    );
  }
  return p;
}
function parseMode(m) {
  if (m === void 0) return 384;
  if (!/^0?[0-7]{3}$/.test(m))
    throw new UsageError(`file mode "${m}" is not an octal mode`, 'e.g. mode: "0600"');
  const mode = parseInt(m, 8);
  if (mode & 63)
    throw new UsageError(`file mode ${m} would let others read a credential`, "use 0600 or 0400");
  if (!(mode & 256)) throw new UsageError(`file mode ${m} would not let you read it`, "use 0600 or 0400");
  return mode;
}
function checkClient(c, v) {
  if (CLIENTS[c].needsRegistry && (c === "kubernetes" ? v.registry === "" : v.registries.length === 0)) {
    throw new UsageError(
      `configure ${c} needs the registry host`,
      "set CI_REGISTRY, or enable the container registry of the project"
    );
  }
  if (c === "poetry" && /\{.+?\}/.test(v.password)) {
    throw new UsageError(
      'cannot configure poetry: the token holds "{\u2026}", which poetry would read as a reference to another setting',
      "use exec with POETRY_HTTP_BASIC_* set from CI_DEPLOY_PASSWORD yourself, or another client"
    );
  }
}
function planCredentials(clients, userFiles, ctx, dir, extra = {}) {
  const cv = clientValues(ctx, extra.userSettings);
  const values = { ...cv, user_gitconfig: extra.userGitconfig ?? "" };
  const plan = { dir, files: [], variables: [], clients: [] };
  const variable = (name, value, secret = false) => {
    const seen = plan.variables.find((v) => v.name === name);
    if (seen && seen.value === value) return;
    if (seen) throw new UsageError(`variable ${name} is set twice`, "give each file its own env");
    if (value.includes("\0")) throw new UsageError(`variable ${name} cannot hold a NUL character`);
    plan.variables.push({ name, value, secret });
  };
  const fileFor = (c, f) => {
    if (plan.files.some((x) => x.path === f.path)) return;
    let content = renderClientTemplate(f.path, f.template, values);
    if (f.merge === "docker") content = mergeDockerConfig(content, extra.userDockerConfig);
    if (f.merge === "containers") content = mergeContainersAuth(content, extra.userContainersAuth);
    const file = { client: c, path: f.path, mode: 384, content };
    if (f.env) {
      file.env = f.env;
      variable(f.env, f.pointsAt === "dir" ? `${dir}/${dirname(f.path)}` : `${dir}/${f.path}`);
    }
    plan.files.push(file);
  };
  for (const c of [...new Set(clients)]) {
    if (!isClientName(c))
      throw new UsageError(`unknown client "${String(c)}"`, `use one of: ${Object.keys(CLIENTS).join(", ")}`);
    const def = CLIENTS[c];
    checkClient(c, cv);
    for (const f of def.files) fileFor(c, f);
    const settings = def.settings?.(cv, dir) ?? [];
    for (const s of settings) variable(s.name, s.value, s.secret === true);
    plan.clients.push({
      name: c,
      files: def.files.map((f) => f.path),
      variables: [...def.files.flatMap((f) => f.env ? [f.env] : []), ...settings.map((s) => s.name)]
    });
  }
  for (const u of userFiles) {
    const path = checkRelativePath(u.path);
    if (plan.files.some(
      (f) => f.path === path || f.path.startsWith(`${path}/`) || path.startsWith(`${f.path}/`)
    ))
      throw new UsageError(`file ${path} is written twice`, "give each file its own path");
    if (u.env !== void 0 && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(u.env))
      throw new UsageError(`"${u.env.slice(0, 40)}" is not a variable name`, "e.g. env: NETRC");
    const file = {
      client: "user",
      path,
      mode: parseMode(u.mode),
      content: renderClientTemplate(path, u.template, { ...values, ...extra.userValues })
    };
    if (u.env) {
      file.env = u.env;
      variable(u.env, `${dir}/${path}`);
    }
    plan.files.push(file);
  }
  return plan;
}
function planView(plan) {
  return plan.files.map((f) => ({
    client: f.client,
    path: f.path,
    mode: `0${f.mode.toString(8)}`,
    env: f.env ?? null
  }));
}
function clientView(plan, scopes) {
  return (plan.clients ?? []).map((c) => ({
    client: c.name,
    files: c.files,
    variables: c.variables,
    masked: c.variables.filter((n) => plan.variables.some((v) => v.name === n && v.secret)),
    ...scopes ? abilities(c.name, scopes) : {}
  }));
}
function formatClientView(c) {
  const vars = c.variables.map((n) => `$${n}${c.masked.includes(n) ? " (masked)" : ""}`).join(", ");
  const can = c.pull !== void 0 ? `; pull ${c.pull}; push ${c.push ?? ""}` : "";
  return `  client    ${c.client}: ${vars || "(no variables)"}${can}
`;
}

// src/export/files.ts
import { randomBytes } from "node:crypto";
import { closeSync, constants, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname as dirname2, join } from "node:path";
function writeFileAtomic(path, content, mode = 384) {
  const tmp = join(dirname2(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(
      tmp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      mode
    );
    writeSync(fd, content);
    closeSync(fd);
    fd = void 0;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== void 0) closeSync(fd);
    rmSync(tmp, { force: true });
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
  closeSync as closeSync2,
  constants as constants2,
  lstatSync,
  openSync as openSync2,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  unlinkSync,
  writeSync as writeSync2
} from "node:fs";
import { basename as basename2, dirname as dirname3, isAbsolute, join as join2, relative, resolve } from "node:path";
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
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    return `it cannot be read (${e.code ?? "error"})`;
  }
  if (st.isSymbolicLink()) return "it is a symlink";
  if (!st.isFile()) return "it is not a regular file";
  if (uid !== void 0 && st.uid !== uid) return `it belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 18) !== 0) return `others may write it (mode ${(st.mode & 511).toString(8)})`;
  return void 0;
}
function writeMarker(dir, random = () => randomBytes2(16).toString("hex")) {
  const marker = random();
  if (!MARKER_RE.test(marker)) throw new Error("internal: a marker is 32 hex digits");
  const fd = openSync2(
    join2(dir, MARKER_FILE),
    constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | constants2.O_NOFOLLOW,
    384
  );
  try {
    writeSync2(fd, `${marker}
`);
  } finally {
    closeSync2(fd);
  }
  return marker;
}
function readMarker(dir, uid) {
  const path = join2(dir, MARKER_FILE);
  const st = stat(path);
  if (!st?.isFile() || uid !== void 0 && st.uid !== uid || (st.mode & 63) !== 0 || st.size > 64)
    return void 0;
  return readFileSync(path, "utf8").trim();
}
function untrustedRunDir(m, base, uid = process.getuid?.()) {
  if (m.marker === void 0 || !MARKER_RE.test(m.marker)) return "it records no marker";
  let root;
  try {
    root = realpathSync(base);
  } catch {
    return `the temp directory ${base} cannot be read`;
  }
  if (dirname3(m.dir) !== root || !RUN_DIR_RE.test(basename2(m.dir)))
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
    return lstatSync(p);
  } catch {
    return void 0;
  }
};
function realParents(dir, p) {
  for (let d = dirname3(resolve(p)); ; d = dirname3(d)) {
    const st = stat(d);
    if (st && !st.isDirectory()) return false;
    if (d === resolve(dir) || d === dirname3(d)) return true;
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
  const empty = (d) => readdirSync(d).every((e) => gone.has(resolve(d, e)));
  for (const f of m.files) {
    if (!inside(m.dir, f) || !realParents(m.dir, f)) {
      report.refused.push(f);
      continue;
    }
    const st = stat(f);
    if (!st) report.missing.push(f);
    else if (st.isDirectory()) report.refused.push(f);
    else remove(f, unlinkSync);
  }
  for (const d of [...m.dirs].sort((a, b) => b.length - a.length)) {
    if (!inside(m.dir, d) || !realParents(m.dir, d)) {
      report.refused.push(d);
      continue;
    }
    const st = stat(d);
    if (!st) report.missing.push(d);
    else if (!st.isDirectory() || !empty(d)) report.refused.push(d);
    else remove(d, rmdirSync);
  }
  if (top && m.marker !== void 0 && !opts.keepMarker && readMarker(m.dir, uid) === m.marker) {
    const marker = join2(m.dir, MARKER_FILE);
    if (!dry) unlinkSync(marker);
    gone.add(resolve(marker));
  }
  if (!top) report.missing.push(m.dir);
  else if (opts.keepMarker && stat(join2(m.dir, MARKER_FILE))) return report;
  else if (!empty(m.dir)) report.refused.push(m.dir);
  else remove(m.dir, rmdirSync);
  return report;
}

// src/credentials/write.ts
import {
  closeSync as closeSync3,
  constants as constants3,
  fchmodSync,
  lstatSync as lstatSync2,
  mkdirSync,
  mkdtempSync,
  openSync as openSync3,
  readdirSync as readdirSync2,
  realpathSync as realpathSync2,
  rmdirSync as rmdirSync2,
  rmSync as rmSync2,
  unlinkSync as unlinkSync2,
  writeSync as writeSync3
} from "node:fs";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
function isPrivate(dir) {
  const st = lstatSync2(dir);
  const uid = process.getuid?.();
  return st.isDirectory() && (uid === void 0 || st.uid === uid) && (st.mode & 63) === 0;
}
function privateDir(env2) {
  const base = env2.RUNNER_TEMP && env2.RUNNER_TEMP !== "" ? env2.RUNNER_TEMP : tmpdir();
  let dir;
  try {
    dir = mkdtempSync(join3(realpathSync2(base), "deploy-token-"));
  } catch (e) {
    const code = e.code;
    throw new UsageError(
      `cannot create a private directory in ${base}${code ? ` (${code})` : ""}`,
      "check that RUNNER_TEMP (or the system temp dir) exists and is writable"
    );
  }
  if (!isPrivate(dir)) {
    rmSync2(dir, { recursive: true, force: true });
    throw new UsageError(
      `the private directory ${dir} is not private`,
      "check the temp directory for tampering"
    );
  }
  return dir;
}
function plannedManifest(plan, dir, variables) {
  const dirs = [];
  for (const f of plan.files) {
    let parent = dir;
    for (const part of f.path.split("/").slice(0, -1)) {
      parent = join3(parent, part);
      if (!dirs.includes(parent)) dirs.push(parent);
    }
  }
  const files = plan.files.map((f) => join3(dir, f.path));
  return { version: 1, createdAt: (/* @__PURE__ */ new Date()).toISOString(), dir, files, dirs, variables: [...variables] };
}
var FS_IO = { openSync: openSync3, writeSync: (fd, data) => writeSync3(fd, data) };
function writeCredentials(plan, dir = plan.dir, variables = plan.variables.map((v) => v.name), io = FS_IO) {
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
    for (const f of plan.files) {
      const parts = f.path.split("/");
      let parent = dir;
      for (const part of parts.slice(0, -1)) {
        parent = join3(parent, part);
        if (manifest.dirs.includes(parent)) continue;
        mkdirSync(parent, { mode: 448 });
        manifest.dirs.push(parent);
      }
      const path = join3(dir, f.path);
      const fd = io.openSync(
        path,
        constants3.O_WRONLY | constants3.O_CREAT | constants3.O_EXCL | constants3.O_NOFOLLOW,
        384
      );
      manifest.files.push(path);
      try {
        fchmodSync(fd, f.mode);
        const n = io.writeSync(fd, f.content);
        if (n !== Buffer.byteLength(f.content))
          throw Object.assign(new Error("short write"), { code: "EIO" });
      } finally {
        closeSync3(fd);
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
      unlinkSync2(f);
    } catch {
    }
  }
  for (const d of [...[...m.dirs].reverse(), m.dir]) {
    try {
      if (lstatSync2(d).isDirectory() && readdirSync2(d).length === 0) rmdirSync2(d);
    } catch {
    }
  }
}

// src/credentials/user-config.ts
import { existsSync, lstatSync as lstatSync3, readFileSync as readFileSync2 } from "node:fs";
import { homedir } from "node:os";
import { join as join4 } from "node:path";
var MAX_AUTH_FILE = 1024 * 1024;
function readSmall(path) {
  try {
    const st = lstatSync3(path);
    if (st.isFile() && st.size <= MAX_AUTH_FILE) return readFileSync2(path, "utf8");
  } catch {
  }
  return void 0;
}
var set = (v) => v !== void 0 && v !== "";
function existingUserConfig(env2) {
  const home = set(env2.HOME) ? env2.HOME : homedir();
  const out = {};
  const gitconfig = [env2.GIT_CONFIG_GLOBAL, join4(home, ".gitconfig")].find((p) => p && existsSync(p));
  if (gitconfig) out.userGitconfig = gitconfig;
  const dockerFile = join4(set(env2.DOCKER_CONFIG) ? env2.DOCKER_CONFIG : join4(home, ".docker"), "config.json");
  const docker = readSmall(dockerFile);
  if (docker !== void 0) out.userDockerConfig = docker;
  const containers = [
    set(env2.REGISTRY_AUTH_FILE) ? env2.REGISTRY_AUTH_FILE : void 0,
    set(env2.XDG_RUNTIME_DIR) ? join4(env2.XDG_RUNTIME_DIR, "containers", "auth.json") : void 0,
    join4(set(env2.XDG_CONFIG_HOME) ? env2.XDG_CONFIG_HOME : join4(home, ".config"), "containers", "auth.json"),
    dockerFile
  ].filter((p) => p !== void 0).filter((p, i, a) => a.indexOf(p) === i).map(readSmall).filter((t) => t !== void 0);
  if (containers.length > 0) out.userContainersAuth = containers;
  const settings = Object.fromEntries(
    ["GOPRIVATE", "GONOSUMDB", "COMPOSER_AUTH"].filter((k) => set(env2[k])).map((k) => [k, env2[k]])
  );
  if (Object.keys(settings).length > 0) out.userSettings = settings;
  return out;
}

// src/app/credentials.ts
import { existsSync as existsSync2, lstatSync as lstatSync4, mkdirSync as mkdirSync2, readdirSync as readdirSync3, rmSync as rmSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname4, join as join5 } from "node:path";

// src/app/values.ts
function templateValues(r, input, gitlabUrl, env2) {
  const url = new URL(gitlabUrl);
  const registry = env2.CI_REGISTRY ?? input.project?.registryImagePrefix?.split("/")[0];
  return {
    username: r.credentials?.username,
    password: r.credentials?.password,
    gitlab_url: gitlabUrl,
    gitlab_host: url.host,
    api_url: `${gitlabUrl}/api/v4`,
    registry,
    // The dependency proxy lives on the GitLab host itself (app/models/project.rb: Gitlab.host_with_port).
    dependency_proxy: env2.CI_DEPENDENCY_PROXY_SERVER ?? `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`,
    project_id: input.project?.id ?? env2.CI_PROJECT_ID,
    project_path: input.project?.path ?? env2.CI_PROJECT_PATH,
    token_id: r.token?.id,
    expires_at: r.token ? r.token.expiresAt ?? "never" : void 0,
    scopes: r.token?.scopes
  };
}

// src/app/credentials.ts
function parseClients(raw) {
  const list = (raw ?? []).flatMap((s) => s.split(/[,\s]+/)).filter(Boolean);
  for (const c of list) {
    if (!CLIENT_NAMES.includes(c)) {
      throw new UsageError(
        `unknown client "${c.slice(0, 40)}" to configure`,
        `use one of: ${CLIENT_NAMES.join(", ")}`
      );
    }
  }
  return [...new Set(list)];
}
function wantedFiles(flow, extraClients) {
  const job = flow.settings.job?.spec;
  const clients = [.../* @__PURE__ */ new Set([...parseClients(job?.configure ?? []), ...extraClients])];
  const userFiles = job?.files ?? [];
  for (const f of userFiles) {
    const bad = f.env === void 0 ? void 0 : checkExportName(f.env);
    if (bad) throw new UsageError(`file ${f.path}: env ${bad}`, "name another variable in the spec");
  }
  return { clients, userFiles };
}
async function credentialPlan(flow, env2, extraClients, dir) {
  const r = flow.resolution;
  if (!r.credentials) return { files: [], variables: [] };
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return { files: [], variables: [] };
  await loadTemplating();
  const v = templateValues(r, flow.input, flow.settings.gitlabUrl, env2);
  const userConfig = existingUserConfig(env2);
  return planCredentials(
    clients,
    userFiles,
    {
      username: r.credentials.username,
      password: r.credentials.password,
      gitlabUrl: flow.settings.gitlabUrl,
      projectId: String(v.project_id ?? flow.settings.project ?? ""),
      projectPath: String(v.project_path ?? ""),
      ...typeof v.registry === "string" ? { registry: v.registry } : {},
      ...typeof v.dependency_proxy === "string" && flow.settings.job?.spec.dependency_proxy ? { dependencyProxy: v.dependency_proxy } : {},
      ...flow.settings.job?.spec.client_options ? { options: flow.settings.job.spec.client_options } : {}
    },
    dir,
    { ...userConfig, userValues: v }
  );
}
async function writeJobCredentials(flow, env2, extraClients, run, record = () => void 0) {
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return void 0;
  const fresh = !run.opened;
  const { dir, marker } = run.open();
  let plan;
  try {
    plan = await credentialPlan(flow, env2, extraClients, dir);
  } catch (e) {
    if (fresh) run.discard();
    throw e;
  }
  const names = plan.variables.map((v) => v.name);
  record({ ...plannedManifest(plan, dir, names), marker });
  const manifest = writeCredentials(plan, dir, names);
  return { manifest: { ...manifest, marker }, variables: plan.variables };
}
function tempBase(env2) {
  return env2.RUNNER_TEMP && env2.RUNNER_TEMP !== "" ? env2.RUNNER_TEMP : tmpdir2();
}
function stateDir(env2, uid = process.getuid?.()) {
  return join5(tempBase(env2), `deploy-token-state-${uid ?? "u"}`);
}
function jobIdentity(env2) {
  const v = (name) => env2[name] && env2[name] !== "" ? env2[name] : void 0;
  const gitlabJob = v("CI_JOB_ID");
  if (gitlabJob)
    return `GitLab job ${gitlabJob} of project ${v("CI_PROJECT_ID") ?? "?"} on ${v("CI_SERVER_URL") ?? "?"}`;
  const run = v("GITHUB_RUN_ID");
  if (run) return `GitHub run ${run} attempt ${v("GITHUB_RUN_ATTEMPT") ?? "1"} job ${v("GITHUB_JOB") ?? "?"}`;
  return void 0;
}
function unsafeStateDir(dir, uid = process.getuid?.()) {
  let st;
  try {
    st = lstatSync4(dir);
  } catch (e) {
    return e.code === "ENOENT" ? void 0 : `it cannot be read (${e.code ?? "error"})`;
  }
  if (st.isSymbolicLink()) return "it is a symlink";
  if (!st.isDirectory()) return "it is not a directory";
  if (uid !== void 0 && st.uid !== uid) return `it belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 18) !== 0) return `others may write in it (mode ${(st.mode & 511).toString(8)})`;
  return void 0;
}
function checkStateDir(env2, uid = process.getuid?.()) {
  const dir = stateDir(env2, uid);
  const why = unsafeStateDir(dir, uid);
  if (why) {
    throw new UsageError(
      `the state directory ${dir} is not safe to use: ${why}`,
      "someone else may have planted it: inspect and remove it (or set RUNNER_TEMP to a private directory), then run again"
    );
  }
  return dir;
}
function recordedManifests(env2, manifestPath) {
  if (manifestPath) return [manifestPath];
  const dir = checkStateDir(env2);
  return existsSync2(dir) ? readdirSync3(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join5(dir, f)) : [];
}
function recordManifest(m, env2) {
  const dir = stateDir(env2);
  try {
    mkdirSync2(dir, { mode: 448 });
  } catch (e) {
    const code = e.code;
    if (code !== "EEXIST") {
      throw new UsageError(
        `cannot create the state directory ${dir}${code ? ` (${code})` : ""}`,
        "check that RUNNER_TEMP (or the system temp dir) exists and is writable"
      );
    }
  }
  checkStateDir(env2);
  const job = jobIdentity(env2);
  if (job) m.job = job;
  const path = join5(dir, `${m.dir.split("/").pop() ?? "run"}.json`);
  saveManifest(m, path);
  return path;
}
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function selectRecorded(env2, opts = {}) {
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  const current = jobIdentity(env2);
  const out = { runs: [], leftAlone: [], refused: [], running: [] };
  const paths = opts.manifest ? [opts.manifest] : recordedManifests(env2);
  for (const path of paths) {
    const why = untrustedManifest(path, uid);
    if (why && opts.manifest) {
      throw new UsageError(
        `the manifest ${path} cannot be used: ${why}`,
        "pass a manifest that this user's deploy-token run wrote (0600)"
      );
    }
    if (why) {
      out.refused.push({ path, why: `the file is not ours: ${why}` });
      continue;
    }
    let manifest;
    try {
      manifest = loadManifest(path);
    } catch (e) {
      if (opts.manifest) throw e;
      out.refused.push({ path, why: e.message });
      continue;
    }
    if (!opts.manifest && !opts.all && manifest.job !== current) {
      out.leftAlone.push({ path, job: manifest.job });
      continue;
    }
    if (manifest.pid !== void 0 && manifest.pid !== process.pid && running(manifest.pid)) {
      out.running.push({ path, pid: manifest.pid });
      continue;
    }
    out.runs.push({ path, manifest });
  }
  return out;
}
function cleanupRun(run, env2, opts = {}) {
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  const r = cleanup(run.manifest, {
    dryRun: opts.dryRun === true,
    uid,
    base: tempBase(env2),
    // A dry run shows what a real run does: that one deletes the tokens first, then the marker goes.
    keepMarker: !opts.dryRun && (run.manifest.ephemeralTokens?.length ?? 0) > 0
  });
  if (!opts.dryRun && r.refused.length === 0 && !run.manifest.ephemeralTokens?.length && dirname4(run.path) === stateDir(env2, uid))
    rmSync3(run.path, { force: true });
  return r;
}
function forgetManifest(path) {
  rmSync3(path, { force: true });
}

export {
  templateValues,
  planView,
  clientView,
  formatClientView,
  privateDir,
  writeFileAtomic,
  markerStamp,
  parseManifest,
  saveManifest,
  writeMarker,
  untrustedRunDir,
  cleanup,
  parseClients,
  wantedFiles,
  credentialPlan,
  writeJobCredentials,
  tempBase,
  jobIdentity,
  checkStateDir,
  recordManifest,
  selectRecorded,
  cleanupRun,
  forgetManifest
};
