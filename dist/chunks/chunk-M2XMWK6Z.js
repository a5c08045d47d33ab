import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/export/names.ts
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
var STEERING_GROUPS = [
  {
    why: "the GitHub runner reads it (STATE_: the post step's saved state; INPUT_: action inputs; GITHUB_: file commands and context; RUNNER_, ACTIONS_: directories, tokens, debug): it would steer later steps or the post step",
    names: ["STATE_*", "INPUT_*", "GITHUB_*", "RUNNER_*", "ACTIONS_*"]
  },
  {
    why: "the shell reads it at start-up or for every command: it runs code or changes how commands are parsed",
    names: [
      "BASH_ENV",
      "ENV",
      "BASH_FUNC_*",
      "SHELLOPTS",
      "BASHOPTS",
      "IFS",
      "PS4",
      "PROMPT_COMMAND",
      "CDPATH"
    ]
  },
  {
    why: "it decides which program runs, where programs read their configuration and credentials, or where they write them",
    names: ["PATH", "HOME", "SHELL", "TMPDIR"]
  },
  { why: "the dynamic loader reads it: it injects code into every program", names: ["LD_*", "DYLD_*"] },
  {
    why: "a language runtime or build tool reads it at start-up: it loads code or options into every such program",
    names: [
      "NODE_OPTIONS",
      "NODE_PATH",
      "NODE_REPL_EXTERNAL_MODULE",
      "PYTHONPATH",
      "PYTHONSTARTUP",
      "PYTHONHOME",
      "PYTHONINSPECT",
      "PERL5LIB",
      "PERL5OPT",
      "PERLLIB",
      "RUBYOPT",
      "RUBYLIB",
      "JAVA_TOOL_OPTIONS",
      "_JAVA_OPTIONS",
      "JDK_JAVA_OPTIONS",
      "CLASSPATH",
      "MAVEN_OPTS",
      "GRADLE_OPTS",
      "DOTNET_STARTUP_HOOKS",
      "CORECLR_*",
      "NPM_CONFIG_*"
    ]
  },
  {
    why: "git, ssh or another tool runs the program it names, or reads it as its configuration",
    names: [
      "GIT_ASKPASS",
      "SSH_ASKPASS",
      "GIT_CONFIG_*",
      "GIT_SSH*",
      "GIT_EXEC_PATH",
      "GIT_PROXY_COMMAND",
      "GIT_TEMPLATE_DIR",
      "GIT_EXTERNAL_DIFF",
      "GIT_PAGER",
      "GIT_EDITOR",
      "PAGER",
      "EDITOR",
      "VISUAL"
    ]
  },
  {
    why: "programs send their traffic (credentials included) where it points, or around the proxy",
    names: ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "FTP_PROXY", "NO_PROXY", "DOCKER_HOST"]
  },
  {
    why: "programs trust the certificates it names, or stop checking them",
    names: [
      "NODE_EXTRA_CA_CERTS",
      "NODE_TLS_REJECT_UNAUTHORIZED",
      "GIT_SSL_NO_VERIFY",
      "GIT_SSL_CAINFO",
      "CURL_CA_BUNDLE",
      "SSL_CERT_FILE",
      "SSL_CERT_DIR",
      "REQUESTS_CA_BUNDLE"
    ]
  }
];
var STEERING_NAMES = STEERING_GROUPS.flatMap(
  (g) => g.names.map((name) => ({ name, why: g.why }))
);
function steeringReason(name) {
  const n = name.toUpperCase();
  for (const s of STEERING_NAMES) {
    const hit = s.name.endsWith("*") ? n.startsWith(s.name.slice(0, -1)) : n === s.name;
    if (hit) return s.why;
  }
  return void 0;
}
function checkExportName(name) {
  if (!NAME_RE.test(name)) {
    return `"${name.slice(0, 60)}" is not a valid variable name (letters, digits and _; not starting with a digit)`;
  }
  const why = steeringReason(name);
  return why ? `${name} is refused: ${why}` : void 0;
}

export {
  steeringReason,
  checkExportName
};
