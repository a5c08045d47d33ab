import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  checkTemplate,
  freeNames,
  parseTemplate,
  templating
} from "./chunk-BUYLEDRM.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// templates/clients/docker-config.json.njk
var docker_config_json_default = '{# docker, podman, skopeo, buildah: auths.<registry>.auth = base64 of username:password (docker config.json). -#}\n{\n  "auths": {\n{%- for host in registries %}\n    {{ host | json }}: { "auth": {{ ((username + ":" + password) | base64) | json }} }{% if not loop.last %},{% endif %}\n{%- endfor %}\n  }\n}\n';

// templates/clients/gitconfig.njk
var gitconfig_default = `{# git: the deploy credentials as an HTTP header for the GitLab URL only (git-config(1) http.<url>.extraHeader).
   Never in the remote URL, .git/config or argv. GIT_CONFIG_GLOBAL points here; the user's own global
   config is included first so their settings keep working. The empty extraHeader resets the list for
   this URL (so no second Authorization header stacks up), the empty helper stops credential helpers
   from offering or storing anything for it. -#}
{% if user_gitconfig %}[include]
	path = {{ user_gitconfig | gitq }}
{% endif %}[http {{ (gitlab_url + "/") | gitq }}]
	extraHeader =
	extraHeader = {{ ("Authorization: Basic " + ((username + ":" + password) | base64)) | gitq }}
[credential {{ (gitlab_url + "/") | gitq }}]
	helper =
`;

// templates/clients/npmrc.njk
var npmrc_default = "{# npm: GitLab's npm endpoint (the group's when a group is set, else the project's) with the deploy token as\n   `_authToken`, also for the project endpoint npm publishes to (doc/user/packages/npm_registry). -#}\nregistry={{ npm_registry | npmrc }}\n{% for key in npm_auth_keys -%}\n{{ key | npmrc }}={{ password | npmrc }}\n{% endfor -%}\n";

// templates/clients/NuGet.Config.njk
var NuGet_Config_default = '{# NuGet: the GitLab source with packageSourceCredentials, as in the seed\'s `nuget source Add -Name GitLab`. -#}\n<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key="GitLab" value="{{ nuget_source | xml }}" />\n  </packageSources>\n  <packageSourceCredentials>\n    <GitLab>\n      <add key="Username" value="{{ username | xml }}" />\n      <add key="ClearTextPassword" value="{{ password | xml }}" />\n    </GitLab>\n  </packageSourceCredentials>\n</configuration>\n';

// templates/clients/pip.conf.njk
var pip_conf_default = "{# pip: GitLab's PyPI simple index with basic auth in the index URL (doc/user/packages/pypi_repository). -#}\n[global]\nindex-url = {{ pypi_index | ini }}\n";

// templates/clients/pypirc.njk
var pypirc_default = "{# twine: the GitLab PyPI upload endpoint (doc/user/packages/pypi_repository). -#}\n[distutils]\nindex-servers =\n    gitlab\n\n[gitlab]\nrepository = {{ pypi_upload | ini }}\nusername = {{ username | ini }}\npassword = {{ password | ini }}\n";

// templates/clients/settings.xml.njk
var settings_xml_default = '{# Maven: a Deploy-Token header for the GitLab Maven endpoint (doc/user/packages/maven_repository). -#}\n<?xml version="1.0" encoding="UTF-8"?>\n<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">\n  <servers>\n    <server>\n      <id>gitlab-maven</id>\n      <configuration>\n        <httpHeaders>\n          <property>\n            <name>Deploy-Token</name>\n            <value>{{ password | xml }}</value>\n          </property>\n        </httpHeaders>\n      </configuration>\n    </server>\n  </servers>\n  <profiles>\n    <profile>\n      <id>gitlab-maven</id>\n      <repositories>\n        <repository>\n          <id>gitlab-maven</id>\n          <url>{{ maven_url | xml }}</url>\n        </repository>\n      </repositories>\n    </profile>\n  </profiles>\n  <activeProfiles>\n    <activeProfile>gitlab-maven</activeProfile>\n  </activeProfiles>\n</settings>\n';

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
function sh(v) {
  return `'${String(v).replace(/'/g, `'\\''`)}'`;
}
var FORMAT_FILTERS = { xml, json, ini, npmrc, gitq, sh };

// src/credentials/plan.ts
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
var enc = (x) => encodeURIComponent(String(x));
function clientValues(ctx) {
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
  return {
    username: ctx.username,
    password: ctx.password,
    gitlab_url: gitlabUrl,
    gitlab_host: ctx.gitlabHost ?? u.host,
    api_url: api,
    project_id: ctx.projectId,
    project_path: ctx.projectPath,
    group_id: ctx.groupId ?? "",
    registry: ctx.registry ?? "",
    dependency_proxy: ctx.dependencyProxy ?? "",
    registries: [ctx.registry, ctx.dependencyProxy].filter((x) => !!x).filter((x, i, a) => a.indexOf(x) === i),
    npm_registry: `${read}/packages/npm/`,
    npm_auth_keys: npmAuth,
    nuget_source: `${project}/packages/nuget/index.json`,
    maven_url: `${read}/packages/maven`,
    pypi_index: `${pipUrl.protocol}//${auth}${pipUrl.host}${pipUrl.pathname}`,
    pypi_upload: `${project}/packages/pypi`
  };
}
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
var CLIENTS = {
  // GIT_CONFIG_GLOBAL (git >= 2.32) replaces ~/.gitconfig, which the file includes back.
  git: {
    files: [{ path: "gitconfig", template: gitconfig_default, env: "GIT_CONFIG_GLOBAL" }],
    variables: { GIT_TERMINAL_PROMPT: "0" }
  },
  // docker reads $DOCKER_CONFIG/config.json; skopeo 1.9 (containers/image) does too (tested), and
  // REGISTRY_AUTH_FILE (containers-auth.json(5)) makes older podman/buildah/skopeo read the same file.
  docker: {
    files: [{ path: "docker/config.json", template: docker_config_json_default, env: "REGISTRY_AUTH_FILE" }],
    variables: { DOCKER_CONFIG: "{dir}/docker" }
  },
  npm: { files: [{ path: "npmrc", template: npmrc_default, env: "NPM_CONFIG_USERCONFIG" }] },
  // nuget and dotnet take it with -ConfigFile / --configfile; NUGET_CONFIG_FILE is only our name for it.
  nuget: { files: [{ path: "NuGet.Config", template: NuGet_Config_default, env: "NUGET_CONFIG_FILE" }] },
  // MAVEN_ARGS is read by Maven >= 3.9; older Maven needs `mvn -s "$MAVEN_SETTINGS"`.
  maven: {
    files: [{ path: "settings.xml", template: settings_xml_default, env: "MAVEN_SETTINGS" }],
    variables: { MAVEN_ARGS: "-s {dir}/settings.xml" }
  },
  // pip ranks PIP_CONFIG_FILE above the global, user and site files and then skips the user file
  // (pip._internal.configuration OVERRIDE_ORDER; its docs say otherwise); only PIP_* variables beat
  // it. twine takes the .pypirc with --config-file.
  pypi: {
    files: [
      { path: "pip.conf", template: pip_conf_default, env: "PIP_CONFIG_FILE" },
      { path: "pypirc", template: pypirc_default, env: "PYPIRC" }
    ]
  }
};
function planCredentials(clients, userFiles, ctx, dir, extra = {}) {
  const values = {
    ...clientValues(ctx),
    user_gitconfig: extra.userGitconfig ?? ""
  };
  const files = [];
  const variables = [];
  const variable = (name, value) => {
    if (variables.some((v) => v.name === name))
      throw new UsageError(`variable ${name} is set twice`, "give each file its own env");
    variables.push({ name, value, secret: false });
  };
  for (const c of [...new Set(clients)]) {
    const spec = CLIENTS[c];
    if (!spec)
      throw new UsageError(`unknown client "${String(c)}"`, `use one of: ${Object.keys(CLIENTS).join(", ")}`);
    if (c === "docker" && values.registries.length === 0) {
      throw new UsageError(
        "configure docker needs the registry host",
        "set CI_REGISTRY, or enable the container registry of the project"
      );
    }
    for (const f of spec.files) {
      let content = renderClientTemplate(f.path, f.template, values);
      if (c === "docker") content = mergeDockerConfig(content, extra.userDockerConfig);
      const file = { client: c, path: f.path, mode: 384, content };
      if (f.env) {
        file.env = f.env;
        variable(f.env, `${dir}/${f.path}`);
      }
      files.push(file);
    }
    for (const [name, value] of Object.entries(spec.variables ?? {}))
      variable(name, value.replaceAll("{dir}", dir));
  }
  for (const u of userFiles) {
    const path = checkRelativePath(u.path);
    if (files.some((f) => f.path === path || f.path.startsWith(`${path}/`) || path.startsWith(`${f.path}/`)))
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
    files.push(file);
  }
  return { dir, files, variables };
}
function planView(plan) {
  return plan.files.map((f) => ({
    client: f.client,
    path: f.path,
    mode: `0${f.mode.toString(8)}`,
    env: f.env ?? null
  }));
}

// src/export/files.ts
import { randomBytes } from "node:crypto";
import { closeSync, constants, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
function writeFileAtomic(path, content, mode = 384) {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
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
import { lstatSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname as dirname2, isAbsolute, relative, resolve } from "node:path";
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
  if (o?.version !== 1 || typeof o.dir !== "string" || !isAbsolute(o.dir) || !strings(o.files) || !strings(o.dirs) || !strings(o.variables) || !tokens(o.ephemeralTokens) || o.job !== void 0 && typeof o.job !== "string") {
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
  if (!top) report.missing.push(m.dir);
  else if (!empty(m.dir)) report.refused.push(m.dir);
  else remove(m.dir, rmdirSync);
  return report;
}

// src/credentials/types.ts
var CLIENT_NAMES = ["docker", "git", "npm", "nuget", "maven", "pypi"];

// src/credentials/write.ts
import {
  closeSync as closeSync2,
  constants as constants2,
  fchmodSync,
  lstatSync as lstatSync2,
  mkdirSync,
  mkdtempSync,
  openSync as openSync2,
  readdirSync as readdirSync2,
  realpathSync,
  rmdirSync as rmdirSync2,
  rmSync as rmSync2,
  unlinkSync as unlinkSync2,
  writeSync as writeSync2
} from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
function isPrivate(dir) {
  const st = lstatSync2(dir);
  const uid = process.getuid?.();
  return st.isDirectory() && (uid === void 0 || st.uid === uid) && (st.mode & 63) === 0;
}
function privateDir(env2) {
  const base = env2.RUNNER_TEMP && env2.RUNNER_TEMP !== "" ? env2.RUNNER_TEMP : tmpdir();
  let dir;
  try {
    dir = mkdtempSync(join2(realpathSync(base), "deploy-token-"));
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
var FS_IO = { openSync: openSync2, writeSync: (fd, data) => writeSync2(fd, data) };
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
        parent = join2(parent, part);
        if (manifest.dirs.includes(parent)) continue;
        mkdirSync(parent, { mode: 448 });
        manifest.dirs.push(parent);
      }
      const path = join2(dir, f.path);
      const fd = io.openSync(
        path,
        constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | constants2.O_NOFOLLOW,
        384
      );
      manifest.files.push(path);
      try {
        fchmodSync(fd, f.mode);
        const n = io.writeSync(fd, f.content);
        if (n !== Buffer.byteLength(f.content))
          throw Object.assign(new Error("short write"), { code: "EIO" });
      } finally {
        closeSync2(fd);
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
import { join as join3 } from "node:path";
var MAX_DOCKER_CONFIG = 1024 * 1024;
function existingUserConfig(env2) {
  const home = env2.HOME && env2.HOME !== "" ? env2.HOME : homedir();
  const out = {};
  const gitconfig = [env2.GIT_CONFIG_GLOBAL, join3(home, ".gitconfig")].find((p) => p && existsSync(p));
  if (gitconfig) out.userGitconfig = gitconfig;
  const docker = join3(
    env2.DOCKER_CONFIG && env2.DOCKER_CONFIG !== "" ? env2.DOCKER_CONFIG : join3(home, ".docker"),
    "config.json"
  );
  try {
    const st = lstatSync3(docker);
    if (st.isFile() && st.size <= MAX_DOCKER_CONFIG) out.userDockerConfig = readFileSync2(docker, "utf8");
  } catch {
  }
  return out;
}

export {
  CLIENT_NAMES,
  planCredentials,
  planView,
  privateDir,
  writeCredentials,
  existingUserConfig,
  writeFileAtomic,
  parseManifest,
  loadManifest,
  saveManifest,
  untrustedManifest,
  cleanup
};
