import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  Scrubber
} from "./chunk-AU24H3XZ.js";
import {
  githubFiles,
  heredoc,
  renderGithub,
  writeGithub
} from "./chunk-VFET6M6J.js";
import {
  Delivery,
  RunDir,
  StateRecord,
  credentialLayout,
  layoutView,
  parseClients,
  scrubOutputs,
  stepOutputs,
  wantedFiles
} from "./chunk-BC2ABS6W.js";
import {
  formatFileLines,
  formatPlanText,
  planReport
} from "./chunk-QWVWL4TJ.js";
import {
  runFlow
} from "./chunk-ISU5A6FD.js";
import {
  guardOutput
} from "./chunk-IHBIXJQZ.js";
import {
  oneLine
} from "./chunk-T4ECGMLM.js";
import {
  derivedForms
} from "./chunk-GAHSSZYI.js";
import {
  CLIENT_NAMES
} from "./chunk-YM2RZDLZ.js";
import {
  DeployTokenError,
  UsageError
} from "./chunk-DAFGPLIL.js";

// src/action/inputs.ts
var EXPORT_MODES = ["env", "output", "none"];
function rawInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function booleanInput(env, name, def) {
  const v = rawInput(env, name);
  if (v === "") return def;
  if (["true", "True", "TRUE"].includes(v)) return true;
  if (["false", "False", "FALSE"].includes(v)) return false;
  throw new UsageError(
    `input ${name} must be a boolean, not "${v.slice(0, 40)}"`,
    "use true or false (YAML 1.2 core: true, True, TRUE, false, False, FALSE)"
  );
}
function readInputs(env) {
  const opt = (name) => rawInput(env, name) || void 0;
  const exp = rawInput(env, "export") || "env";
  if (!EXPORT_MODES.includes(exp)) {
    throw new UsageError(
      `input export must be one of ${EXPORT_MODES.join(", ")}, not "${exp.slice(0, 40)}"`,
      "e.g. export: env"
    );
  }
  const configure = (rawInput(env, "configure") || "").split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
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
    dryRun: booleanInput(env, "dry-run", false),
    ephemeral: booleanInput(env, "ephemeral", false),
    passwordOutput: booleanInput(env, "password-output", false)
  };
  const set = (k, v) => {
    if (v !== void 0) inputs[k] = v;
  };
  set("gitlabUrl", opt("gitlab-url"));
  set("gitlabToken", opt("gitlab-token"));
  set("project", opt("project"));
  set("spec", opt("spec"));
  set("job", opt("job"));
  set("minDaysLeft", opt("min-days-left"));
  return inputs;
}

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
var Runner = class {
  constructor(env, stdout, opts = {}) {
    this.env = env;
    this.scrubber = opts.scrubber ?? new Scrubber();
    this.out = guardOutput({ stdout, stderr: stdout }, this.scrubber, {
      github: true,
      ...opts.token ? { token: opts.token } : {}
    });
  }
  env;
  scrubber;
  out;
  /** A log line (or several): scrubbed, inert. */
  info(text) {
    this.out.stdout.write(text.endsWith("\n") ? text : `${text}
`);
  }
  /** An annotation: the message scrubbed, on one line (its data escaped). */
  annotate(kind, message) {
    this.out.command(kind, this.scrubber.scrub(message));
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
    for (const f of new Set(forms)) if (f.length > 0) this.out.command("add-mask", f);
  }
  /** Appends Markdown to the job summary, scrubbed (the caller escapes what is outside text). */
  summary(markdown) {
    if (this.env.GITHUB_STEP_SUMMARY)
      appendFileSync(this.env.GITHUB_STEP_SUMMARY, this.scrubber.scrub(markdown));
  }
  /** State for the post step (GITHUB_STATE); refuses to run without it. */
  saveState(name, value, what) {
    if (!this.env.GITHUB_STATE)
      throw new UsageError(`${what} needs GITHUB_STATE (run as a GitHub Action)`, `remove ${what}`);
    appendFileSync(this.env.GITHUB_STATE, heredoc(name, value, `ghadelimiter_${randomUUID()}`));
  }
  /**
   * GITHUB_ENV (the values as they are: the secret channel) and GITHUB_OUTPUT (scrubbed, except the
   * outputs named in `secretOutputs`), both rendered before either is written.
   */
  exportAll(vars, outputs, secretOutputs = ["password"]) {
    const scrubbed = scrubOutputs(outputs, this.scrubber, secretOutputs);
    writeGithub(renderGithub(vars, scrubbed, []), githubFiles(this.env), (m) => this.addMasks([m]));
  }
};
function summaryRow(key, value) {
  const cell = (s) => oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([[\]])/g, "\\$1");
  return `| ${cell(key)} | ${cell(value)} |
`;
}

// src/action/run.ts
function summaryMarkdown(r, dryRun) {
  let md = `### deploy-token${dryRun ? " (dry run)" : ""}

| | |
|---|---|
`;
  md += summaryRow("result", r.ok ? "credentials resolved" : `no credentials: ${r.reason ?? ""}`);
  md += summaryRow("rule", r.ruleText);
  if (r.token) {
    md += summaryRow(
      "token",
      `#${r.token.id} ${r.token.name} (${r.token.username}), ${r.token.level} token of ${r.token.owner}`
    );
    md += summaryRow("scopes", r.token.scopes.join(", "));
    md += summaryRow("expires", r.token.expiresAt ?? "never");
  }
  if (r.sources.CI_DEPLOY_PASSWORD) md += summaryRow("source", r.sources.CI_DEPLOY_PASSWORD.detail);
  for (const w of r.warnings) md += summaryRow("warning", w.message);
  if (!r.ok && r.fix) md += summaryRow("fix", r.fix);
  return md;
}
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
    ...inputs.gitlabToken ? { apiToken: inputs.gitlabToken } : {}
  };
}
async function runAction(deps) {
  const runner = new Runner(deps.env, deps.stdout);
  runner.scrubber.addEnv(deps.env);
  try {
    const inputs = readInputs(deps.env);
    runner.setSecret(inputs.gitlabToken);
    const run = new RunDir(deps.env);
    let flow;
    try {
      flow = await runFlow(flagsOf(inputs), {
        env: deps.env,
        cwd: deps.cwd,
        now: deps.now,
        ...deps.fetch ? { fetch: deps.fetch } : {},
        ...deps.sleep ? { sleep: deps.sleep } : {},
        scrubber: runner.scrubber,
        names: INPUT_NAMES,
        notice: (l) => runner.info(`deploy-token: ${l}`),
        ephemeral: { mode: inputs.dryRun ? "plan" : "create", force: inputs.ephemeral, random: run.stamp }
      });
    } catch (e) {
      run.discard();
      throw e;
    }
    return await afterFlow(flow, inputs, deps, runner, run);
  } catch (e) {
    if (e instanceof DeployTokenError) {
      runner.annotate("error", `${e.message}${e.hint ? ` \u2014 ${e.hint}` : ""}`);
      return e.exitCode;
    }
    runner.annotate("error", `internal error: ${e.message ?? String(e)}`);
    return 3;
  }
}
async function printPlan(flow, inputs, vars, deps, runner) {
  const r = flow.resolution;
  const plan = planReport(r, {
    gitlabUrl: flow.settings.gitlab.url,
    ...flow.settings.project ? { project: flow.settings.project } : {},
    now: deps.now(),
    exports: r.ok && inputs.export === "env" ? [{ target: "github", where: "$GITHUB_ENV", variables: vars.map((v) => v.name) }] : []
  });
  let text = formatPlanText(plan);
  if (r.ok) {
    const layout = await credentialLayout(flow, deps.env, parseClients(inputs.configure), "<private dir>");
    text += formatFileLines(layoutView(layout));
  }
  runner.info(text);
}
function actionDelivery(flow, inputs, deps, runner, run) {
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  const save = (m) => runner.saveState("manifest", JSON.stringify(m), "ephemeral or configure");
  return new Delivery(flow, {
    env: deps.env,
    run,
    ledger: new StateRecord(save, run, deps.now),
    clients: parseClients(inputs.configure),
    masks: { scrubber: runner.scrubber, runner: (f) => runner.addMasks([f]) },
    render: (v) => {
      const vars = [...inputs.export === "env" ? v.job : [], ...v.files];
      renderGithub(vars, outputs, []);
      return [{ rank: 1, write: () => runner.exportAll(vars, outputs) }];
    },
    say: (l) => runner.info(`deploy-token: ${l}`),
    warn: (l) => runner.annotate("warning", `deploy-token: ${l}`)
  });
}
async function afterFlow(flow, inputs, deps, runner, run) {
  const r = flow.resolution;
  const delivery = r.ok && r.credentials ? actionDelivery(flow, inputs, deps, runner, run) : void 0;
  try {
    const vars = delivery ? await delivery.prepare() : [];
    if (inputs.dryRun) await printPlan(flow, inputs, vars, deps, runner);
    for (const w of r.warnings) runner.annotate("warning", `${w.message} [${w.code}]`);
    if (r.ok && !inputs.dryRun && !deps.env.GITHUB_STATE) {
      const wanted = wantedFiles(flow, parseClients(inputs.configure));
      if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
        throw new UsageError("configure needs GITHUB_STATE (run as a GitHub Action)", "remove configure");
    }
    runner.summary(summaryMarkdown(r, inputs.dryRun));
    if (!r.ok) {
      runner.annotate("error", `${r.reason ?? "no credentials"}${r.fix ? ` \u2014 fix: ${r.fix}` : ""}`);
      return r.exitCode;
    }
    if (inputs.dryRun) return 0;
    await delivery?.deliver();
    runner.info(`deploy-token: ${r.ruleText}`);
    return 0;
  } catch (e) {
    await delivery?.undo();
    throw e;
  }
}

export {
  rawInput,
  readInputs,
  Runner,
  INPUT_NAMES,
  flagsOf,
  runAction
};
