import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  maskFormsFor
} from "./chunks/chunk-2JQ3HNLO.js";
import {
  jobVariables,
  stepOutputs
} from "./chunks/chunk-XGISQFTY.js";
import {
  credentialPlan,
  parseClients,
  wantedFiles,
  writeJobCredentials
} from "./chunks/chunk-CTGUFLN4.js";
import "./chunks/chunk-G3DM6G4G.js";
import {
  buildPlan,
  formatPlanText
} from "./chunks/chunk-INHI67QQ.js";
import {
  runFlow
} from "./chunks/chunk-ZN5DFI3C.js";
import "./chunks/chunk-FJEDMX6I.js";
import {
  escapeCommandData,
  githubFiles,
  heredoc,
  maskCommands,
  renderGithub,
  writeGithub
} from "./chunks/chunk-NXRRVDO2.js";
import {
  cleanup,
  planView
} from "./chunks/chunk-BWGITJJA.js";
import "./chunks/chunk-4YG5LHE6.js";
import {
  discardEphemeral
} from "./chunks/chunk-II6JEI5M.js";
import "./chunks/chunk-2KYKZ3OY.js";
import "./chunks/chunk-HYBTJBPM.js";
import "./chunks/chunk-4CIYU6N5.js";
import "./chunks/chunk-7TLYVLNA.js";
import "./chunks/chunk-ZXYRMQQA.js";
import "./chunks/chunk-W3LW53PW.js";
import "./chunks/chunk-DHMOR7KF.js";
import "./chunks/chunk-BUYLEDRM.js";
import {
  DeployTokenError,
  UsageError
} from "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/run.ts
import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

// src/action/inputs.ts
var EXPORT_MODES = ["env", "output", "none"];
var CLIENTS = ["docker", "git", "npm", "nuget", "maven", "pypi"];
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
    if (!CLIENTS.includes(c)) {
      throw new UsageError(
        `input configure names an unknown client "${c.slice(0, 40)}"`,
        `use a comma list of: ${CLIENTS.join(", ")}`
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

// src/action/run.ts
function annotate(kind, message) {
  return `::${kind}::${escapeCommandData(message)}
`;
}
function summaryMarkdown(r, dryRun) {
  const row = (k, v) => `| ${k} | ${v.replace(/\|/g, "\\|")} |
`;
  let md = `### deploy-token${dryRun ? " (dry run)" : ""}

| | |
|---|---|
`;
  md += row("result", r.ok ? "credentials resolved" : `no credentials: ${r.reason ?? ""}`);
  md += row("rule", r.ruleText);
  if (r.token) {
    md += row(
      "token",
      `#${r.token.id} ${r.token.name} (${r.token.username}), ${r.token.level} token of ${r.token.owner}`
    );
    md += row("scopes", r.token.scopes.join(", "));
    md += row("expires", r.token.expiresAt ?? "never");
  }
  if (r.sources.CI_DEPLOY_PASSWORD) md += row("source", r.sources.CI_DEPLOY_PASSWORD.detail);
  for (const w of r.warnings) md += row("warning", w.message);
  if (!r.ok && r.fix) md += row("fix", r.fix);
  return md;
}
async function runAction(deps) {
  const { env, stdout } = deps;
  try {
    const inputs = readInputs(env);
    if (inputs.gitlabToken) stdout.write(maskCommands([inputs.gitlabToken]));
    const flowEnv = inputs.gitlabToken ? { ...env, GITLAB_TOKEN: inputs.gitlabToken } : env;
    const flags = {
      ...inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {},
      ...inputs.project ? { project: inputs.project } : {},
      ...inputs.spec ? { spec: inputs.spec } : {},
      ...inputs.job ? { job: inputs.job } : {},
      ...inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {},
      ...inputs.gitlabToken ? { apiTokenEnv: "GITLAB_TOKEN" } : {}
    };
    const flow = await runFlow(flags, {
      env: flowEnv,
      cwd: deps.cwd,
      now: deps.now,
      ...deps.fetch ? { fetch: deps.fetch } : {},
      ...deps.sleep ? { sleep: deps.sleep } : {},
      ephemeral: { mode: inputs.dryRun ? "plan" : "create", force: inputs.ephemeral }
    });
    try {
      return await afterFlow(flow, inputs, deps);
    } catch (e) {
      const d = await discardEphemeral(flow);
      if (d) stdout.write(d.ok ? `deploy-token: ${d.line}
` : annotate("warning", d.line));
      throw e;
    }
  } catch (e) {
    if (e instanceof DeployTokenError) {
      stdout.write(annotate("error", `${e.message}${e.hint ? ` \u2014 ${e.hint}` : ""}`));
      return e.exitCode;
    }
    stdout.write(annotate("error", `internal error: ${e.message ?? String(e)}`));
    return 3;
  }
}
async function afterFlow(flow, inputs, deps) {
  const { env, stdout } = deps;
  const r = flow.resolution;
  const clients = parseClients(inputs.configure);
  const vars = r.ok ? await jobVariables(flow, env) : [];
  const forms = r.credentials ? maskFormsFor(vars, r.credentials) : [];
  stdout.write(maskCommands(forms));
  if (flow.ephemeral) {
    if (!env.GITHUB_STATE)
      throw new UsageError("ephemeral needs GITHUB_STATE (run as a GitHub Action)", "remove ephemeral");
    appendFileSync(
      env.GITHUB_STATE,
      heredoc("ephemeral", JSON.stringify([flow.ephemeral]), `ghadelimiter_${randomUUID()}`)
    );
    stdout.write(
      `deploy-token: created ephemeral token #${flow.ephemeral.tokenId} (${flow.ephemeral.name}); the post step deletes it
`
    );
  }
  if (inputs.dryRun) {
    const plan = buildPlan(r, {
      gitlabUrl: flow.settings.gitlabUrl,
      ...flow.settings.project ? { project: flow.settings.project } : {},
      now: deps.now(),
      exports: r.ok && inputs.export === "env" ? [{ target: "github", where: "$GITHUB_ENV", variables: vars.map((v) => v.name) }] : []
    });
    stdout.write(formatPlanText(plan));
    if (r.ok) {
      for (const f of planView(await credentialPlan(flow, env, clients, "<private dir>"))) {
        stdout.write(
          `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` \u2190 $${f.env}` : ""}
`
        );
      }
    }
  }
  for (const w of r.warnings) stdout.write(annotate("warning", `${w.message} [${w.code}]`));
  if (r.ok && !inputs.dryRun && !env.GITHUB_STATE) {
    const wanted = wantedFiles(flow, clients);
    if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
      throw new UsageError("configure needs GITHUB_STATE (run as a GitHub Action)", "remove configure");
  }
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summaryMarkdown(r, inputs.dryRun));
  if (!r.ok) {
    stdout.write(annotate("error", `${r.reason ?? "no credentials"}${r.fix ? ` \u2014 fix: ${r.fix}` : ""}`));
    return r.exitCode;
  }
  if (inputs.dryRun) return 0;
  const files = githubFiles(env);
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  renderGithub(inputs.export === "env" ? vars : [], outputs, []);
  const written = await writeJobCredentials(flow, env, clients);
  try {
    if (written) {
      if (!env.GITHUB_STATE)
        throw new UsageError("configure needs GITHUB_STATE (run as a GitHub Action)", "remove configure");
      appendFileSync(
        env.GITHUB_STATE,
        heredoc("manifest", JSON.stringify(written.manifest), `ghadelimiter_${randomUUID()}`)
      );
      stdout.write(
        `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}
`
      );
    }
    const exported = [
      ...inputs.export === "env" ? vars : [],
      ...(written?.variables ?? []).map((v) => ({ ...v, secret: false }))
    ];
    writeGithub(renderGithub(exported, outputs, []), files, stdout);
  } catch (e) {
    if (written) removeWritten(written.manifest, stdout);
    throw e;
  }
  stdout.write(`deploy-token: ${r.ruleText}
`);
  return 0;
}
function removeWritten(m, stdout) {
  try {
    const c = cleanup(m);
    stdout.write(
      c.refused.length ? annotate("warning", `deploy-token: could not remove ${c.refused.join(", ")}; remove them`) : `deploy-token: removed the ${m.files.length} credential file(s) this run wrote
`
    );
  } catch (e) {
    stdout.write(
      annotate(
        "warning",
        `deploy-token: could not remove the credential files in ${m.dir} (${e.message ?? String(e)}); remove them`
      )
    );
  }
}

// src/action/main.ts
process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => /* @__PURE__ */ new Date(),
  stdout: { write: (s) => void process.stdout.write(s) }
});
