import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  jobVariables,
  templateValues
} from "./chunk-46D74EUW.js";
import {
  forgetManifest,
  recordManifest
} from "./chunk-F7KJ4INK.js";
import {
  cleanup,
  layoutManifest,
  markerStamp,
  privateDir,
  saveManifest,
  writeCredentials,
  writeMarker
} from "./chunk-HLA5MZAU.js";
import {
  discardEphemeral
} from "./chunk-34ZNKQFX.js";
import {
  derivedForms
} from "./chunk-IAFBB2HQ.js";
import {
  CLIENTS,
  abilities
} from "./chunk-NNIRYNRK.js";
import {
  checkTemplate,
  freeNames,
  loadTemplating,
  parseTemplate,
  templating
} from "./chunk-JBSERHTU.js";
import {
  checkExportName
} from "./chunk-M2XMWK6Z.js";
import {
  CLIENT_NAMES,
  isClientName
} from "./chunk-O3WIKRKW.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/export/masks.ts
function maskFormsFor(vars, username) {
  const out = /* @__PURE__ */ new Set();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const f of derivedForms(v.value, { username })) out.add(f.toString("utf8"));
  }
  return [...out].filter((f) => f.length > 0);
}
function registerMasks(vars, username, to) {
  if (to.scrubber) {
    for (const v of vars) {
      if (!v.secret) continue;
      for (const w of to.scrubber.add(v.value, { username })) to.onWarning?.(w);
    }
  }
  if (to.runner) for (const f of maskFormsFor(vars, username)) to.runner(f);
}

// src/credentials/layout.ts
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

// src/credentials/layout.ts
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
function layoutCredentials(clients, userFiles, ctx, dir, extra = {}) {
  const cv = clientValues(ctx, extra.userSettings);
  const values = { ...cv, user_gitconfig: extra.userGitconfig ?? "" };
  const layout = { dir, files: [], variables: [], clients: [] };
  const variable = (name, value, secret = false) => {
    const seen = layout.variables.find((v) => v.name === name);
    if (seen && seen.value === value) return;
    if (seen) throw new UsageError(`variable ${name} is set twice`, "give each file its own env");
    if (value.includes("\0")) throw new UsageError(`variable ${name} cannot hold a NUL character`);
    layout.variables.push({ name, value, secret });
  };
  const fileFor = (c, f) => {
    if (layout.files.some((x) => x.path === f.path)) return;
    let content = renderClientTemplate(f.path, f.template, values);
    if (f.merge === "docker") content = mergeDockerConfig(content, extra.userDockerConfig);
    if (f.merge === "containers") content = mergeContainersAuth(content, extra.userContainersAuth);
    const file = { client: c, path: f.path, mode: 384, content };
    if (f.env) {
      file.env = f.env;
      variable(f.env, f.pointsAt === "dir" ? `${dir}/${dirname(f.path)}` : `${dir}/${f.path}`);
    }
    layout.files.push(file);
  };
  for (const c of [...new Set(clients)]) {
    if (!isClientName(c))
      throw new UsageError(`unknown client "${String(c)}"`, `use one of: ${Object.keys(CLIENTS).join(", ")}`);
    const def = CLIENTS[c];
    checkClient(c, cv);
    for (const f of def.files) fileFor(c, f);
    const settings = def.settings?.(cv, dir) ?? [];
    for (const s of settings) variable(s.name, s.value, s.secret === true);
    layout.clients.push({
      name: c,
      files: def.files.map((f) => f.path),
      variables: [...def.files.flatMap((f) => f.env ? [f.env] : []), ...settings.map((s) => s.name)]
    });
  }
  for (const u of userFiles) {
    const path = checkRelativePath(u.path);
    if (layout.files.some(
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
    layout.files.push(file);
  }
  return layout;
}
function layoutView(layout) {
  return layout.files.map((f) => ({
    client: f.client,
    path: f.path,
    mode: `0${f.mode.toString(8)}`,
    env: f.env ?? null
  }));
}
function clientView(layout, scopes) {
  return (layout.clients ?? []).map((c) => ({
    client: c.name,
    files: c.files,
    variables: c.variables,
    masked: c.variables.filter((n) => layout.variables.some((v) => v.name === n && v.secret)),
    ...scopes ? abilities(c.name, scopes) : {}
  }));
}
function formatClientView(c) {
  const vars = c.variables.map((n) => `$${n}${c.masked.includes(n) ? " (masked)" : ""}`).join(", ");
  const can = c.pull !== void 0 ? `; pull ${c.pull}; push ${c.push ?? ""}` : "";
  return `  client    ${c.client}: ${vars || "(no variables)"}${can}
`;
}

// src/credentials/user-config.ts
import { existsSync, lstatSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
var MAX_AUTH_FILE = 1024 * 1024;
function readSmall(path) {
  try {
    const st = lstatSync(path);
    if (st.isFile() && st.size <= MAX_AUTH_FILE) return readFileSync(path, "utf8");
  } catch {
  }
  return void 0;
}
var set = (v) => v !== void 0 && v !== "";
function existingUserConfig(env2) {
  const home = set(env2.HOME) ? env2.HOME : homedir();
  const out = {};
  const gitconfig = [env2.GIT_CONFIG_GLOBAL, join(home, ".gitconfig")].find((p) => p && existsSync(p));
  if (gitconfig) out.userGitconfig = gitconfig;
  const dockerFile = join(set(env2.DOCKER_CONFIG) ? env2.DOCKER_CONFIG : join(home, ".docker"), "config.json");
  const docker = readSmall(dockerFile);
  if (docker !== void 0) out.userDockerConfig = docker;
  const containers = [
    set(env2.REGISTRY_AUTH_FILE) ? env2.REGISTRY_AUTH_FILE : void 0,
    set(env2.XDG_RUNTIME_DIR) ? join(env2.XDG_RUNTIME_DIR, "containers", "auth.json") : void 0,
    join(set(env2.XDG_CONFIG_HOME) ? env2.XDG_CONFIG_HOME : join(home, ".config"), "containers", "auth.json"),
    dockerFile
  ].filter((p) => p !== void 0).filter((p, i, a) => a.indexOf(p) === i).map(readSmall).filter((t) => t !== void 0);
  if (containers.length > 0) out.userContainersAuth = containers;
  const settings = Object.fromEntries(
    ["GOPRIVATE", "GONOSUMDB", "COMPOSER_AUTH"].filter((k) => set(env2[k])).map((k) => [k, env2[k]])
  );
  if (Object.keys(settings).length > 0) out.userSettings = settings;
  return out;
}

// src/app/job-files.ts
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
async function credentialLayout(flow, env2, extraClients, dir) {
  const r = flow.resolution;
  if (!r.credentials) return { files: [], variables: [] };
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return { files: [], variables: [] };
  await loadTemplating();
  const v = templateValues(r, flow.input, flow.settings.gitlab.url, env2);
  const userConfig = existingUserConfig(env2);
  return layoutCredentials(
    clients,
    userFiles,
    {
      username: r.credentials.username,
      password: r.credentials.password,
      gitlabUrl: flow.settings.gitlab.url,
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
async function writeJobFiles(flow, env2, extraClients, run, record = () => void 0) {
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return void 0;
  const fresh = !run.opened;
  const { dir, marker } = run.open();
  let layout;
  try {
    layout = await credentialLayout(flow, env2, extraClients, dir);
  } catch (e) {
    if (fresh) run.discard();
    throw e;
  }
  const names = layout.variables.map((v) => v.name);
  record({ ...layoutManifest(layout, dir, names), marker });
  const manifest = writeCredentials(layout, dir, names);
  return { manifest: { ...manifest, marker }, variables: layout.variables };
}

// src/app/delivery.ts
var Delivery = class {
  constructor(flow, ports) {
    this.flow = flow;
    this.ports = ports;
  }
  flow;
  ports;
  written = [];
  /** The credential files recorded (and so about to be, or being, written). */
  laidOut;
  prepared;
  undone = false;
  /**
   * The start, on its own for a surface that must mask before it prints anything else (the action):
   * the ephemeral token recorded, the job's variables made and their masks registered. Once.
   */
  prepare() {
    this.prepared ??= this.guarded(() => this.start());
    return this.prepared;
  }
  /**
   * The whole delivery: `prepare`, then every export rendered, the credential files recorded and
   * written, the exports written. Returns the variables delivered. On failure everything is undone
   * before the error goes on.
   */
  async deliver() {
    const job = await this.prepare();
    return this.guarded(() => this.finish(job));
  }
  async guarded(step) {
    try {
      return await step();
    } catch (e) {
      await this.undo();
      throw e;
    }
  }
  async start() {
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
  async finish(job) {
    const { flow, ports } = this;
    const v = { job, files: [] };
    let rendered = ports.render?.(v) ?? [];
    const written = await writeJobFiles(flow, ports.env, ports.clients, ports.run, (m) => {
      ports.ledger.files(m);
      this.laidOut = m;
    });
    if (written) {
      v.files = written.variables;
      this.register(v.files);
      const later = ports.ledger.later?.files(written.manifest);
      ports.say(
        `wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}${later ? `; ${later}` : ""}`
      );
      rendered = ports.render?.(v) ?? [];
    }
    for (const r of [...rendered].sort((a, b) => a.rank - b.rank)) {
      r.write();
      this.written.push(r);
    }
    return v;
  }
  register(vars) {
    const creds = this.flow.resolution.credentials;
    if (!creds) throw new Error("internal: a delivery needs resolved credentials");
    registerMasks(vars, creds.username, this.ports.masks);
  }
  /**
   * Takes back what the run made, once (later calls do nothing): the ephemeral token deleted, what
   * was exported to files taken back, the credential files removed and the record closed (kept,
   * naming only the token, when the token could not be deleted), the run's directory discarded.
   */
  async undo() {
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
      const c = ports.ledger.close(d !== void 0 && !d.ok);
      const files = this.laidOut?.files.length ?? 0;
      if (files > 0 || c.refused.length > 0) {
        const left = c.refused.length ? `; left ${c.refused.join(", ")}` : "";
        (c.refused.length ? ports.warn : ports.say)(
          `removed the ${files} credential file(s) this run wrote${left}`
        );
      }
    } catch (e) {
      ports.warn(
        `could not remove the credential files this run wrote (${e.message ?? String(e)}); remove them`
      );
    }
    ports.run.discard();
  }
};

// src/app/run-dir.ts
import { rmSync } from "node:fs";
var RunDir = class {
  constructor(env2, random) {
    this.env = env2;
    this.random = random;
  }
  env;
  random;
  made;
  kept = false;
  /** The directory and its marker, made now if they are not yet. */
  open() {
    if (!this.made) {
      const dir = privateDir(this.env);
      try {
        this.made = { dir, marker: writeMarker(dir, this.random) };
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        const code = e.code;
        throw new UsageError(
          `cannot write the run marker in ${dir}${code ? ` (${code})` : ""}`,
          "check free space and permissions of the temp directory"
        );
      }
    }
    return this.made;
  }
  get opened() {
    return this.made !== void 0;
  }
  /** The suffix of an ephemeral token's name made in this run (opens the directory). */
  stamp = () => markerStamp(this.open().marker);
  /** A record still names the directory's marker (a token left to delete): `discard` leaves it. */
  keep() {
    this.kept = true;
  }
  /** Removes the directory again when nothing but the marker is in it (a run that left nothing). */
  discard() {
    if (!this.made || this.kept) return;
    const r = cleanup({ ...this.manifest(/* @__PURE__ */ new Date()) });
    if (r.refused.length === 0) this.made = void 0;
  }
  /** An empty manifest of this run (opens the directory). */
  manifest(now) {
    const { dir, marker } = this.open();
    return { version: 1, createdAt: now.toISOString(), dir, marker, files: [], dirs: [], variables: [] };
  }
};

// src/app/run-record.ts
var ManifestLedger = class {
  constructor(run, now) {
    this.run = run;
    this.now = now;
  }
  run;
  now;
  current;
  /** What the record lists so far. */
  get manifest() {
    return this.current;
  }
  token(t) {
    const m = this.current ?? this.run.manifest(this.now());
    this.save({ ...m, ephemeralTokens: [...m.ephemeralTokens ?? [], t] });
  }
  files = (laidOut) => {
    const tokens = this.current?.ephemeralTokens;
    this.save({ ...laidOut, ...tokens ? { ephemeralTokens: tokens } : {} });
  };
};
var RunRecord = class extends ManifestLedger {
  /** `cleanup`: what the run leaves stays for `deploy-token cleanup` (resolve); else the run removes it (exec). */
  constructor(env2, run, opts) {
    super(run, opts.now);
    this.env = env2;
    this.opts = opts;
    this.later = opts.cleanup ? {
      token: "run `deploy-token cleanup` when the job ends (e.g. in after_script) to delete it",
      files: () => `\`deploy-token cleanup\` removes them (manifest ${this.path ?? "?"})`
    } : void 0;
  }
  env;
  opts;
  path;
  later;
  /** Where the record is, once one was written. */
  get where() {
    return this.path;
  }
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
var StateRecord = class extends ManifestLedger {
  constructor(saveState, run, now) {
    super(run, now);
    this.saveState = saveState;
  }
  saveState;
  later = { token: "the post step deletes it", files: () => "" };
  close() {
    const m = this.current;
    if (!m) return { removed: [], refused: [] };
    const tokens = (m.ephemeralTokens?.length ?? 0) > 0;
    const r = cleanup(m, { keepMarker: tokens });
    if (tokens) this.run.keep();
    return { removed: r.removed, refused: r.refused };
  }
  save(m) {
    this.current = m;
    this.saveState(m);
  }
};

export {
  maskFormsFor,
  layoutView,
  clientView,
  formatClientView,
  parseClients,
  wantedFiles,
  credentialLayout,
  Delivery,
  RunDir,
  RunRecord,
  StateRecord
};
