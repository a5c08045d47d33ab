import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  cleanup,
  markerStamp,
  privateDir,
  templateValues,
  writeMarker
} from "./chunk-QSJHQO5Z.js";
import {
  checkVariables,
  deployVariables
} from "./chunk-TRHTUJLO.js";
import {
  readsPassword
} from "./chunk-DHMOR7KF.js";
import {
  checkTemplate,
  loadTemplating,
  templating
} from "./chunk-4XOODLE4.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/export/render.ts
var env;
function engine() {
  if (!env) {
    env = new (templating()).Environment(null, { autoescape: false, throwOnUndefined: true });
    env.addFilter("base64", (s) => Buffer.from(String(s), "utf8").toString("base64"));
  }
  return env;
}
function renderTemplate(name, template, values) {
  try {
    checkTemplate(template);
    return engine().renderString(template, { ...values });
  } catch (e) {
    const msg = e.message;
    const first = typeof msg === "string" ? msg.split("\n").filter(Boolean).pop()?.trim() : void 0;
    throw new UsageError(
      `template for ${name} failed: ${first ?? "render error"}`,
      "use only the documented template values, e.g. {{ username }}"
    );
  }
}
function renderSpecVariables(templates, values, password) {
  return Object.entries(templates ?? {}).map(([name, template]) => {
    const value = renderTemplate(name, template, values);
    const secret = readsPassword(template) || password.length > 0 && value.includes(password);
    return { name, value, secret };
  });
}

// src/app/exports.ts
async function jobVariables(flow, env2) {
  const r = flow.resolution;
  if (!r.credentials) return [];
  const templates = flow.settings.job?.spec.variables;
  if (templates && Object.keys(templates).length > 0) await loadTemplating();
  const values = templateValues(r, flow.input, flow.settings.gitlabUrl, env2);
  const vars = [
    ...deployVariables(r.credentials.username, r.credentials.password),
    ...renderSpecVariables(flow.settings.job?.spec.variables, values, r.credentials.password)
  ];
  checkVariables(vars);
  return vars;
}
function stepOutputs(flow, withPassword) {
  const r = flow.resolution;
  const out = {
    username: r.credentials?.username ?? "",
    source: r.sources.CI_DEPLOY_PASSWORD?.detail ?? "",
    "token-id": r.token ? String(r.token.id) : "",
    "expires-at": r.token ? r.token.expiresAt ?? "never" : "",
    scopes: r.token ? r.token.scopes.join(",") : "",
    warnings: JSON.stringify(r.warnings)
  };
  if (withPassword && r.credentials) out.password = r.credentials.password;
  return out;
}
function scrubOutputs(outputs, scrubber, secret = ["password"]) {
  return Object.fromEntries(
    Object.entries(outputs).map(([k, v]) => [k, secret.includes(k) ? v : scrubber.scrub(v)])
  );
}

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

export {
  jobVariables,
  stepOutputs,
  scrubOutputs,
  RunDir
};
