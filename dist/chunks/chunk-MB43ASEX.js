import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  Scrubber
} from "./chunk-6E5KV36Y.js";
import {
  githubFiles,
  heredoc,
  maskFormsFor,
  renderGithub,
  writeGithub
} from "./chunk-ICCT63DX.js";
import {
  RunDir,
  jobVariables,
  scrubOutputs,
  stepOutputs
} from "./chunk-RZJ7JB3I.js";
import {
  cleanup,
  credentialPlan,
  parseClients,
  planView,
  wantedFiles,
  writeJobCredentials
} from "./chunk-QSJHQO5Z.js";
import {
  guardOutput
} from "./chunk-IHBIXJQZ.js";
import {
  oneLine
} from "./chunk-T4ECGMLM.js";
import {
  buildPlan,
  formatPlanText
} from "./chunk-OTKGG5XH.js";
import {
  runFlow
} from "./chunk-TRHTUJLO.js";
import {
  derivedForms
} from "./chunk-GAHSSZYI.js";
import {
  discardEphemeral
} from "./chunk-CBHZ3LSN.js";
import {
  CLIENT_NAMES
} from "./chunk-YM2RZDLZ.js";
import {
  DeployTokenError,
  UsageError
} from "./chunk-XSTXBMLW.js";

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
function flagsOf(inputs) {
  return {
    ...inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {},
    ...inputs.project ? { project: inputs.project } : {},
    ...inputs.spec ? { spec: inputs.spec } : {},
    ...inputs.job ? { job: inputs.job } : {},
    ...inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {},
    ...inputs.gitlabToken ? { apiTokenEnv: "GITLAB_TOKEN" } : {}
  };
}
async function runAction(deps) {
  const runner = new Runner(deps.env, deps.stdout);
  runner.scrubber.addEnv(deps.env);
  try {
    const inputs = readInputs(deps.env);
    runner.setSecret(inputs.gitlabToken);
    const env = inputs.gitlabToken ? { ...deps.env, GITLAB_TOKEN: inputs.gitlabToken } : deps.env;
    const run = new RunDir(env);
    let flow;
    try {
      flow = await runFlow(flagsOf(inputs), {
        env,
        cwd: deps.cwd,
        now: deps.now,
        ...deps.fetch ? { fetch: deps.fetch } : {},
        ...deps.sleep ? { sleep: deps.sleep } : {},
        scrubber: runner.scrubber,
        ephemeral: { mode: inputs.dryRun ? "plan" : "create", force: inputs.ephemeral, random: run.stamp }
      });
    } catch (e) {
      run.discard();
      throw e;
    }
    try {
      return await afterFlow(flow, inputs, { ...deps, env }, runner, run);
    } catch (e) {
      const d = await discardEphemeral(flow);
      if (d?.ok) runner.info(`deploy-token: ${d.line}`);
      else if (d) runner.annotate("warning", d.line);
      throw e;
    }
  } catch (e) {
    if (e instanceof DeployTokenError) {
      runner.annotate("error", `${e.message}${e.hint ? ` \u2014 ${e.hint}` : ""}`);
      return e.exitCode;
    }
    runner.annotate("error", `internal error: ${e.message ?? String(e)}`);
    return 3;
  }
}
async function printPlan(flow, inputs, deps, runner) {
  const r = flow.resolution;
  const vars = r.ok ? await jobVariables(flow, deps.env) : [];
  const plan = buildPlan(r, {
    gitlabUrl: flow.settings.gitlabUrl,
    ...flow.settings.project ? { project: flow.settings.project } : {},
    now: deps.now(),
    exports: r.ok && inputs.export === "env" ? [{ target: "github", where: "$GITHUB_ENV", variables: vars.map((v) => v.name) }] : []
  });
  let text = formatPlanText(plan);
  if (r.ok) {
    for (const f of planView(
      await credentialPlan(flow, deps.env, parseClients(inputs.configure), "<private dir>")
    ))
      text += `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` \u2190 $${f.env}` : ""}
`;
  }
  runner.info(text);
}
async function afterFlow(flow, inputs, deps, runner, run) {
  const { env } = deps;
  const r = flow.resolution;
  const clients = parseClients(inputs.configure);
  const vars = r.ok ? await jobVariables(flow, env) : [];
  if (r.credentials) runner.addMasks(maskFormsFor(vars, r.credentials));
  const tokens = flow.ephemeral ? { ephemeralTokens: [flow.ephemeral] } : {};
  const save = (m) => runner.saveState("manifest", JSON.stringify(m), "ephemeral or configure");
  if (flow.ephemeral) {
    save({ ...run.manifest(deps.now()), ...tokens });
    runner.info(
      `deploy-token: created ephemeral token #${flow.ephemeral.tokenId} (${flow.ephemeral.name}); the post step deletes it`
    );
  }
  if (inputs.dryRun) await printPlan(flow, inputs, deps, runner);
  for (const w of r.warnings) runner.annotate("warning", `${w.message} [${w.code}]`);
  if (r.ok && !inputs.dryRun && !env.GITHUB_STATE) {
    const wanted = wantedFiles(flow, clients);
    if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
      throw new UsageError("configure needs GITHUB_STATE (run as a GitHub Action)", "remove configure");
  }
  runner.summary(summaryMarkdown(r, inputs.dryRun));
  if (!r.ok) {
    runner.annotate("error", `${r.reason ?? "no credentials"}${r.fix ? ` \u2014 fix: ${r.fix}` : ""}`);
    return r.exitCode;
  }
  if (inputs.dryRun) return 0;
  await exportFlow(flow, inputs, vars, runner, run, (m) => save({ ...m, ...tokens }));
  runner.info(`deploy-token: ${r.ruleText}`);
  return 0;
}
async function exportFlow(flow, inputs, vars, runner, run, save) {
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  const exported = inputs.export === "env" ? vars : [];
  renderGithub(exported, outputs, []);
  let planned;
  const written = await writeJobCredentials(flow, runner.env, parseClients(inputs.configure), run, (m) => {
    save(m);
    planned = m;
  });
  try {
    if (written)
      runner.info(
        `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}`
      );
    runner.exportAll(
      [...exported, ...written?.variables ?? []],
      // settings that hold the token are secret
      outputs
    );
  } catch (e) {
    if (planned) removeWritten(planned, runner);
    throw e;
  }
}
function removeWritten(m, runner) {
  try {
    const c = cleanup(m, { keepMarker: (m.ephemeralTokens?.length ?? 0) > 0 });
    if (c.refused.length)
      runner.annotate("warning", `deploy-token: could not remove ${c.refused.join(", ")}; remove them`);
    else runner.info(`deploy-token: removed the ${m.files.length} credential file(s) this run wrote`);
  } catch (e) {
    runner.annotate(
      "warning",
      `deploy-token: could not remove the credential files in ${m.dir} (${e.message ?? String(e)}); remove them`
    );
  }
}

export {
  readInputs,
  Runner,
  flagsOf,
  runAction
};
