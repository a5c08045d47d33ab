import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-DAFGPLIL.js";

// src/export/github.ts
import { randomUUID } from "node:crypto";
import { appendFileSync, rmSync, statSync, truncateSync } from "node:fs";
function heredoc(name, value, delimiter) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new UsageError(
      `the value of ${name} contains the GITHUB_ENV delimiter`,
      "this value cannot be exported safely"
    );
  }
  return `${name}<<${delimiter}
${value}
${delimiter}
`;
}
function renderGithub(vars, outputs, maskForms, delimiter = `ghadelimiter_${randomUUID()}`) {
  return {
    masks: [...maskForms],
    env: vars.map((v) => heredoc(v.name, v.value, delimiter)).join(""),
    output: Object.entries(outputs).map(([k, v]) => heredoc(k, v, delimiter)).join("")
  };
}
function githubFiles(env) {
  const envFile = env.GITHUB_ENV;
  const outputFile = env.GITHUB_OUTPUT;
  if (!envFile || !outputFile) {
    throw new UsageError(
      "--export github needs GITHUB_ENV and GITHUB_OUTPUT (it runs inside a GitHub Actions step)",
      "use --export shell or json elsewhere"
    );
  }
  return { envFile, outputFile };
}
function writeGithub(w, files, addMask) {
  for (const m of w.masks) addMask(m);
  const envSize = sizeOf(files.envFile);
  try {
    if (w.env) appendFileSync(files.envFile, w.env, { encoding: "utf8" });
    if (w.output) appendFileSync(files.outputFile, w.output, { encoding: "utf8" });
  } catch (e) {
    if (envSize === void 0) rmSync(files.envFile, { force: true });
    else if (sizeOf(files.envFile) !== envSize) truncateSync(files.envFile, envSize);
    const code = e.code;
    throw new UsageError(
      `cannot write GITHUB_ENV / GITHUB_OUTPUT${code ? ` (${code})` : ""}`,
      "check the runner's file command paths"
    );
  }
}
function sizeOf(path) {
  try {
    return statSync(path).size;
  } catch {
    return void 0;
  }
}

export {
  heredoc,
  renderGithub,
  githubFiles,
  writeGithub
};
