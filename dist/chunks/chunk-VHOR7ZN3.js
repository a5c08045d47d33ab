import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  DEFAULT_SPEC
} from "./chunk-XQ6QCYVK.js";
import {
  gitlabConnection
} from "./chunk-CID4WHD4.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/app/options.ts
var FLAG_NAMES = {
  gitlabUrl: "--gitlab-url",
  project: "--project",
  spec: "--spec",
  job: "--job",
  apiTokenEnv: "--api-token-env",
  apiToken: "the API token",
  minDaysLeft: "--min-days-left",
  ref: "--ref"
};
function resolveSettings(flags, env, spec, names = FLAG_NAMES) {
  const gitlab = gitlabConnection(
    {
      url: { value: flags.gitlabUrl, source: names.gitlabUrl },
      tokenEnv: { value: flags.apiTokenEnv, source: names.apiTokenEnv },
      token: { value: flags.apiToken, source: names.apiToken },
      spec: spec ?? {}
    },
    env
  );
  const project = projectOf(flags, env, spec, names);
  const environment = flags.environment ?? spec?.gitlab?.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const job = flags.job === void 0 ? void 0 : jobOf(flags, flags.job, spec, names);
  const s = {
    gitlab,
    minDaysLeft: minDaysLeftOf(flags, spec, names),
    lfs: flags.lfs === true || job?.lfs === true
  };
  if (project) s.project = project;
  if (environment) s.environment = environment;
  if (job) s.job = job;
  if (flags.ref !== void 0) {
    if (flags.ref.trim() === "")
      throw new UsageError(
        `${names.ref} needs a branch or tag name`,
        "e.g. --ref main, or --ref refs/tags/v1.2"
      );
    s.ref = flags.ref;
  }
  return s;
}
function projectOf(flags, env, spec, names) {
  const specProject = spec?.gitlab?.project;
  const project = flags.project ?? (specProject === void 0 ? void 0 : String(specProject)) ?? env.CI_PROJECT_ID ?? env.CI_PROJECT_PATH;
  if (project !== void 0)
    checkProjectRef(project, flags.project !== void 0 ? names.project : "the project");
  return project;
}
function minDaysLeftOf(flags, spec, names) {
  const rawDays = flags.minDaysLeft ?? spec?.token?.min_days_left ?? 7;
  const minDaysLeft = typeof rawDays === "number" ? rawDays : Number(rawDays);
  if (!Number.isFinite(minDaysLeft) || minDaysLeft < 0 || !/^\d+(\.\d+)?$/.test(String(rawDays))) {
    throw new UsageError(
      `${flags.minDaysLeft !== void 0 ? names.minDaysLeft : "spec token.min_days_left"} must be a number of days, not "${String(rawDays).slice(0, 40)}"`,
      "e.g. --min-days-left 14"
    );
  }
  return minDaysLeft;
}
function jobSpecOf(name, spec, names = FLAG_NAMES) {
  const jobSpec = spec?.jobs[name];
  if (!spec)
    throw new UsageError(
      `${names.job} ${name} needs a spec`,
      `write ${DEFAULT_SPEC} or pass ${names.spec} FILE`
    );
  if (!jobSpec) {
    throw new UsageError(
      `job "${name}" is not in the spec`,
      `choose one of: ${Object.keys(spec.jobs).join(", ") || "(none)"}`
    );
  }
  return jobSpec;
}
function jobOf(flags, name, spec, names) {
  const jobSpec = jobSpecOf(name, spec, names);
  return {
    name,
    spec: jobSpec,
    scopes: [...new Set(jobSpec.scopes ?? [])],
    lfs: flags.lfs === true || jobSpec.lfs === true,
    dependencyProxy: jobSpec.dependency_proxy === true
  };
}
function checkProjectRef(value, source) {
  const segments = value.split("/");
  if (value.trim() === "" || segments.some((s) => s === "" || s === "." || s === "..")) {
    throw new UsageError(
      `${source} "${value.slice(0, 80)}" is not a project or group: a path has no empty, "." or ".." segment`,
      "give the numeric id or the full path, e.g. tanuki/awesome_project"
    );
  }
  return value;
}

export {
  resolveSettings,
  jobSpecOf,
  checkProjectRef
};
