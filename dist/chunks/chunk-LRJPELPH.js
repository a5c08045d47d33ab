import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  Scrubber
} from "./chunk-XIV4O4MB.js";
import {
  guardOutput
} from "./chunk-DWTRIDGW.js";
import {
  core_exports,
  debug,
  getBooleanInput,
  getInput,
  group,
  isDebug,
  prepareGithub,
  saveState,
  setSecret,
  summary,
  writeGithub
} from "./chunk-ZMI75SJ3.js";
import {
  scrubOutputs
} from "./chunk-46D74EUW.js";
import {
  oneLine
} from "./chunk-T4ECGMLM.js";
import {
  derivedForms
} from "./chunk-IAFBB2HQ.js";
import {
  CLIENT_NAMES
} from "./chunk-O3WIKRKW.js";
import {
  API_TOKEN_VARIABLES
} from "./chunk-MYCCQ4L5.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/action/pair.ts
var INPUT_NAMES = {
  gitlabUrl: "input gitlab-url",
  project: "input project",
  spec: "input spec",
  job: "input job",
  apiTokenEnv: "input gitlab-token",
  apiToken: "input gitlab-token",
  minDaysLeft: "input min-days-left",
  ref: "input ref"
};
function flagsOf(inputs) {
  return {
    ...inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {},
    ...inputs.project ? { project: inputs.project } : {},
    ...inputs.spec ? { spec: inputs.spec } : {},
    ...inputs.job ? { job: inputs.job } : {},
    ...inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {},
    ...inputs.gitlabToken ? { apiToken: inputs.gitlabToken } : {},
    ...inputs.ref ? { ref: inputs.ref } : {}
  };
}
function unverifiedPair(inputs) {
  return inputs.password !== void 0 && !inputs.gitlabToken;
}
async function pairEnv(inputs, env, spec) {
  if (inputs.password === void 0 || inputs.username === void 0) return env;
  const pair = { CI_DEPLOY_USER: inputs.username, CI_DEPLOY_PASSWORD: inputs.password };
  if (!unverifiedPair(inputs)) return { ...env, ...pair };
  const named = (await spec())?.gitlab?.api_token_env;
  const drop = /* @__PURE__ */ new Set([...API_TOKEN_VARIABLES, ...named ? [named] : []]);
  return { ...Object.fromEntries(Object.entries(env).filter(([k]) => !drop.has(k))), ...pair };
}
var UNCHECKED = "input username and password are used as given, without any call to GitLab: not checked are that GitLab would give a job this pair (a gitlab-deploy-token of the project or its parent group), when it expires, and its scopes \u2014 fix: add input gitlab-token (read_api, Maintainer on the project) to check them";
function withPairSources(flow, inputs) {
  if (inputs.password === void 0) return flow;
  const r = flow.resolution;
  const sources = { ...r.sources };
  if (sources.CI_DEPLOY_USER?.kind === "job-environment")
    sources.CI_DEPLOY_USER = { ...sources.CI_DEPLOY_USER, detail: "input username" };
  if (sources.CI_DEPLOY_PASSWORD?.kind === "job-environment")
    sources.CI_DEPLOY_PASSWORD = { ...sources.CI_DEPLOY_PASSWORD, detail: "input password" };
  const resolution = { ...r, sources };
  if (unverifiedPair(inputs) && r.rule === "unverified-environment") {
    resolution.ruleText = "input username / password, used as given (not checked against GitLab)";
    resolution.warnings = [
      ...r.warnings.filter((w) => w.code !== "unverified"),
      { code: "unverified", message: UNCHECKED }
    ];
  }
  return { ...flow, resolution };
}

// src/action/inputs.ts
var EXPORT_MODES = ["env", "output", "none"];
function rawInput(name) {
  return getInput(name);
}
function booleanInput(name, def) {
  const v = rawInput(name);
  if (v === "") return def;
  try {
    return getBooleanInput(name);
  } catch {
    throw new UsageError(
      `input ${name} must be a boolean, not "${v.slice(0, 40)}"`,
      "use true or false (YAML 1.2 core: true, True, TRUE, false, False, FALSE)"
    );
  }
}
function readInputs() {
  const opt = (name) => rawInput(name) || void 0;
  const exp = rawInput("export") || "env";
  if (!EXPORT_MODES.includes(exp)) {
    throw new UsageError(
      `input export must be one of ${EXPORT_MODES.join(", ")}, not "${exp.slice(0, 40)}"`,
      "e.g. export: env"
    );
  }
  const configure = (rawInput("configure") || "").split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  for (const c of configure) {
    if (!CLIENT_NAMES.includes(c)) {
      throw new UsageError(
        `input configure names an unknown client "${c.slice(0, 40)}"`,
        `use a comma list of: ${CLIENT_NAMES.join(", ")}`
      );
    }
  }
  const inputs = {
    export: exp,
    configure: [...new Set(configure)],
    dryRun: booleanInput("dry-run", false),
    ephemeral: booleanInput("ephemeral", false),
    passwordOutput: booleanInput("password-output", false)
  };
  const set = (k, v) => {
    if (v !== void 0) inputs[k] = v;
  };
  set("gitlabUrl", opt("gitlab-url"));
  set("gitlabToken", opt("gitlab-token"));
  set("username", opt("username"));
  set("password", opt("password"));
  set("project", opt("project"));
  set("ref", opt("ref"));
  set("spec", opt("spec"));
  set("job", opt("job"));
  set("minDaysLeft", opt("min-days-left"));
  if (inputs.username === void 0 !== (inputs.password === void 0)) {
    const missing = inputs.username === void 0 ? "username" : "password";
    throw new UsageError(
      `input ${missing} is missing: username and password go together`,
      `set both (the deploy token's username and password), or neither`
    );
  }
  return inputs;
}

// src/action/runner.ts
import { appendFileSync } from "node:fs";
var stdout = { write: (s) => void process.stdout.write(s) };
var Runner = class {
  scrubber;
  out;
  constructor(opts = {}) {
    this.scrubber = opts.scrubber ?? new Scrubber();
    const sink = opts.sink ?? stdout;
    this.out = guardOutput({ stdout: sink, stderr: sink }, this.scrubber, {
      github: true,
      ...opts.token ? { token: opts.token } : {}
    });
  }
  /** A log line (or several): scrubbed, inert. */
  info(text) {
    this.out.stdout.write(text.endsWith("\n") ? text : `${text}
`);
  }
  /** Detail for a step run with debug logging (ACTIONS_STEP_DEBUG): scrubbed, one line. */
  debug(text) {
    if (isDebug()) debug(oneLine(this.scrubber.scrub(text)));
  }
  /** An annotation, scrubbed, at its file and line when the finding has them. */
  annotate(kind, message, where = {}) {
    const props = {
      ...where.file ? { file: where.file } : {},
      ...where.line ? { startLine: where.line } : {}
    };
    core_exports[kind](this.scrubber.scrub(message), props);
  }
  /** Long output folded in the log under `title`. */
  async group(title, fn) {
    return group(oneLine(this.scrubber.scrub(title)), fn);
  }
  /**
   * A secret from now on: masked in everything this step prints, and registered with the runner in
   * each form a tool may print it in (raw, base64, URL- and JSON-encoded…), before anything else.
   */
  setSecret(value, opts = {}) {
    if (!value) return;
    this.scrubber.add(value, opts);
    const forms = derivedForms(value, opts.username === void 0 ? {} : { username: opts.username });
    this.addMasks(forms.map((f) => f.toString("utf8")));
  }
  /** Values the runner must mask (forms already derived). */
  addMasks(forms) {
    for (const f of new Set(forms)) if (f.length > 0) setSecret(f);
  }
  /**
   * The job summary: a heading and a two-column table (no header row), every cell scrubbed and
   * escaped, rendered by the library's summary builder and appended to GITHUB_STEP_SUMMARY as read
   * now (the library's own write() keeps the first path it saw for the life of the process).
   */
  summary(heading, rows) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    const cell = (s) => htmlText(oneLine(this.scrubber.scrub(s)));
    const html = summary.emptyBuffer().addHeading(cell(heading), 3).addTable(rows.map(([k, v]) => [{ data: cell(k) }, { data: cell(v) }])).stringify();
    summary.emptyBuffer();
    appendFileSync(file, html, { encoding: "utf8" });
  }
  /** State for the post step (GITHUB_STATE); refuses to run without it. */
  saveState(name, value, what) {
    if (!process.env.GITHUB_STATE)
      throw new UsageError(`${what} needs GITHUB_STATE (run as a GitHub Action)`, `remove ${what}`);
    saveState(name, value);
  }
  /**
   * GITHUB_ENV (the values as they are: the secret channel) and GITHUB_OUTPUT (scrubbed, except the
   * outputs named in `secretOutputs`), both checked before either is written.
   */
  exportAll(vars, outputs, secretOutputs = ["password"]) {
    const scrubbed = scrubOutputs(outputs, this.scrubber, secretOutputs);
    writeGithub(prepareGithub(vars, scrubbed, [], process.env));
  }
};
function htmlText(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export {
  INPUT_NAMES,
  flagsOf,
  pairEnv,
  withPairSources,
  rawInput,
  readInputs,
  Runner
};
