import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  renderShell
} from "./chunk-FTDUESFD.js";
import {
  buildPlan,
  formatPlanText,
  pickStyle
} from "./chunk-2HVQRMXQ.js";
import {
  deployVariables,
  runFlow
} from "./chunk-4WJARPEU.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// fixtures/scenarios/1-project-token.json
var project_token_default = {
  name: "project-token",
  title: "A project gitlab-deploy-token (GitLab 17.5)",
  description: "tanuki/awesome_project has an active token named gitlab-deploy-token; the runner injects it as CI_DEPLOY_USER / CI_DEPLOY_PASSWORD.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [{ id: 10, full_path: "tanuki", parent_id: null }],
  projects: [
    {
      id: 3,
      path_with_namespace: "tanuki/awesome_project",
      namespace_id: 10,
      tokens: [
        { id: 7, name: "docs-reader", expires: null, scopes: ["read_repository"], token: "gldt-DocsReaderDocsReader1" },
        { id: 11, name: "gitlab-deploy-token", expires: "+90d", scopes: ["read_repository", "read_registry"], token: "gldt-ProjToken11ProjToken1" }
      ]
    }
  ],
  project: "tanuki/awesome_project",
  jobEnv: { CI_DEPLOY_USER: "gitlab+deploy-token-11", CI_DEPLOY_PASSWORD: "gldt-ProjToken11ProjToken1" },
  expectExit: 0
};

// fixtures/scenarios/2-group-token-15.0.json
var group_token_15_0_default = {
  name: "group-token-15.0",
  title: "A group token on GitLab 15.0, through the group's CI/CD variables",
  description: "GitLab 15.0 does not expose group tokens; the group sets CI_DEPLOY_USER / CI_DEPLOY_PASSWORD as CI/CD variables (the documented workaround), read here through the variables API.",
  version: "15.0.5-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null,
      tokens: [
        { id: 21, name: "gitlab-deploy-token", username: "tanuki-deployer", expires: "+200d", scopes: ["read_repository", "read_registry", "read_package_registry"], token: "gldt-GroupTok21GroupTok21" }
      ],
      variables: [
        { key: "CI_DEPLOY_USER", value: "tanuki-deployer", masked: false, protected: false, environment_scope: "*" },
        { key: "CI_DEPLOY_PASSWORD", value: "gldt-GroupTok21GroupTok21", masked: true, protected: false, environment_scope: "*" }
      ]
    }
  ],
  projects: [{ id: 3, path_with_namespace: "tanuki/awesome_project", namespace_id: 10, tokens: [] }],
  project: "tanuki/awesome_project",
  expectExit: 0
};

// fixtures/scenarios/3-group-token-17.json
var group_token_17_default = {
  name: "group-token-17",
  title: "The same group token on GitLab 17.5: exposed by GitLab itself",
  description: "From 15.1 the direct parent group's gitlab-deploy-token reaches the project's jobs without any variables.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null,
      tokens: [
        { id: 21, name: "gitlab-deploy-token", username: "tanuki-deployer", expires: "+5d", scopes: ["read_repository", "read_registry", "read_package_registry"], token: "gldt-GroupTok21GroupTok21" }
      ]
    }
  ],
  projects: [{ id: 3, path_with_namespace: "tanuki/awesome_project", namespace_id: 10, tokens: [] }],
  project: "tanuki/awesome_project",
  jobEnv: { CI_DEPLOY_USER: "tanuki-deployer", CI_DEPLOY_PASSWORD: "gldt-GroupTok21GroupTok21" },
  expectExit: 0
};

// fixtures/scenarios/4-expired-token.json
var expired_token_default = {
  name: "expired-token",
  title: "A token that expired at 00:00 UTC today is refused",
  description: "The project's only gitlab-deploy-token expires today: GitLab stopped accepting it at 00:00 UTC, although the API still says expired: false. Its values, left behind as CI/CD variables, reach the job environment, and deploy-token refuses them.",
  version: "17.5.1-ee",
  apiTokens: [
    "glpat-demoDemoDemoDemo1234"
  ],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null
    }
  ],
  projects: [
    {
      id: 3,
      path_with_namespace: "tanuki/awesome_project",
      namespace_id: 10,
      tokens: [
        {
          id: 31,
          name: "gitlab-deploy-token",
          expires: "+0d",
          scopes: [
            "read_repository"
          ],
          token: "gldt-Expired31Expired31Ex"
        }
      ]
    }
  ],
  project: "tanuki/awesome_project",
  expectExit: 1,
  jobEnv: {
    CI_DEPLOY_USER: "gitlab+deploy-token-31",
    CI_DEPLOY_PASSWORD: "gldt-Expired31Expired31Ex"
  }
};

// fixtures/scenarios/5-grandparent-token.json
var grandparent_token_default = {
  name: "grandparent-token",
  title: "A token on a grandparent group reaches no job",
  description: "tanuki/platform/api lives in the subgroup tanuki/platform; the gitlab-deploy-token sits on tanuki, which is not the direct parent, so GitLab exposes nothing.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null,
      tokens: [
        { id: 41, name: "gitlab-deploy-token", expires: null, scopes: ["read_registry"], token: "gldt-Grandpa41Grandpa41Gr" }
      ]
    },
    { id: 12, full_path: "tanuki/platform", parent_id: 10 }
  ],
  projects: [{ id: 5, path_with_namespace: "tanuki/platform/api", namespace_id: 12, tokens: [] }],
  project: "tanuki/platform/api",
  expectExit: 1
};

// src/standin/server.ts
import { createServer } from "node:http";

// fixtures/gitlab/deploy_token.json
var deploy_token_default = {
  id: 1,
  name: "MyToken",
  username: "gitlab+deploy-token-1",
  expires_at: "2020-02-14T00:00:00.000Z",
  revoked: false,
  expired: false,
  scopes: ["read_repository", "read_registry"]
};

// fixtures/gitlab/errors.json
var errors_default = {
  "401": { message: "401 Unauthorized" },
  "403": { message: "403 Forbidden" },
  "404_project": { message: "404 Project Not Found" },
  "404_group": { message: "404 Group Not Found" },
  "404_variable": { message: "404 Variable Not Found" },
  "409_variable": {
    message: "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"
  },
  "429": { message: "Retry later" },
  "500": { message: "500 Internal Server Error" }
};

// fixtures/gitlab/group.json
var group_default = {
  id: 10,
  web_url: "https://gitlab.example.com/groups/tanuki",
  name: "tanuki",
  path: "tanuki",
  description: "",
  visibility: "private",
  lfs_enabled: true,
  full_name: "tanuki",
  full_path: "tanuki",
  created_at: "2020-01-15T12:36:29.590Z",
  parent_id: null
};

// fixtures/gitlab/metadata.json
var metadata_default = {
  version: "17.5.1-ee",
  revision: "a8d5f3a1e2c",
  kas: { enabled: true, externalUrl: "grpc://gitlab.example.com:8150", version: "17.5.1" },
  enterprise: true
};

// fixtures/gitlab/pagination_headers.json
var pagination_headers_default = {
  comment: "Offset pagination headers as GitLab sends them (doc/api/rest/index.md#pagination-link-header). {base}, {page}, {next}, {prev}, {per_page}, {total}, {total_pages} are filled in per answer. GitLab.com may omit x-total and x-total-pages on large collections.",
  "content-type": "application/json",
  "x-page": "{page}",
  "x-per-page": "{per_page}",
  "x-next-page": "{next}",
  "x-prev-page": "{prev}",
  "x-total": "{total}",
  "x-total-pages": "{total_pages}",
  link: '<{base}&page={next}>; rel="next", <{base}&page=1>; rel="first", <{base}&page={total_pages}>; rel="last"'
};

// fixtures/gitlab/project.json
var project_default = {
  id: 3,
  description: "Tanuki's project",
  name: "awesome_project",
  name_with_namespace: "Tanuki / awesome_project",
  path: "awesome_project",
  path_with_namespace: "tanuki/awesome_project",
  created_at: "2013-09-30T13:46:02Z",
  default_branch: "main",
  visibility: "private",
  ssh_url_to_repo: "git@gitlab.example.com:tanuki/awesome_project.git",
  http_url_to_repo: "https://gitlab.example.com/tanuki/awesome_project.git",
  web_url: "https://gitlab.example.com/tanuki/awesome_project",
  namespace: {
    id: 10,
    name: "tanuki",
    path: "tanuki",
    kind: "group",
    full_path: "tanuki",
    parent_id: null,
    avatar_url: null,
    web_url: "https://gitlab.example.com/groups/tanuki"
  },
  container_registry_enabled: true,
  container_registry_access_level: "enabled",
  container_registry_image_prefix: "registry.example.com/tanuki/awesome_project",
  lfs_enabled: true,
  archived: false
};

// fixtures/gitlab/variable.json
var variable_default = {
  variable_type: "env_var",
  key: "TEST_VARIABLE_1",
  value: "TEST_1",
  protected: false,
  masked: true,
  hidden: false,
  raw: false,
  environment_scope: "*",
  description: null
};

// fixtures/gitlab/version.json
var version_default = { version: "17.5.1-ee", revision: "a8d5f3a1e2c" };

// src/standin/model.ts
var DAY_MS = 864e5;
function expiryInstant(expires, now) {
  if (expires === null || expires === void 0) return null;
  const rel = /^([+-]\d+)d$/.exec(expires);
  if (rel) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return new Date(midnight + Number(rel[1]) * DAY_MS).toISOString();
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T00:00:00Z` : expires);
  return d.toISOString();
}

// src/standin/server.ts
var json = (status, body, headers = {}) => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
});
function tokenView(t, now) {
  const expires_at = expiryInstant(t.expires, now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const expired = expires_at !== null && new Date(expires_at).getTime() < today;
  return {
    ...deploy_token_default,
    id: t.id,
    name: t.name,
    username: t.username ?? `gitlab+deploy-token-${t.id}`,
    expires_at,
    revoked: t.revoked ?? false,
    expired,
    scopes: t.scopes
  };
}
function activeNow(t, now) {
  const e = expiryInstant(t.expires, now);
  return !t.revoked && (e === null || new Date(e).getTime() >= now.getTime());
}
function paginate(items, url, base) {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 20) || 20));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const q = new URLSearchParams(url.searchParams);
  q.delete("page");
  const linkBase = `${base}${url.pathname}?${q.toString()}`;
  const fill = (s) => s.replaceAll("{page}", String(page)).replaceAll("{per_page}", String(perPage)).replaceAll("{next}", page < totalPages ? String(page + 1) : "").replaceAll("{prev}", page > 1 ? String(page - 1) : "").replaceAll("{total}", String(items.length)).replaceAll("{total_pages}", String(totalPages)).replaceAll("{base}", linkBase);
  const headers = {};
  for (const [k, v] of Object.entries(pagination_headers_default)) {
    if (k === "comment") continue;
    headers[k] = fill(v);
  }
  return { status: 200, headers, body: JSON.stringify(slice) };
}
var StandinGitLab = class {
  scenario;
  requests = [];
  now;
  baseUrl;
  constructor(scenario, opts = {}) {
    this.scenario = scenario;
    this.now = opts.now ?? (() => /* @__PURE__ */ new Date());
    this.baseUrl = opts.baseUrl ?? "https://gitlab.example.com";
  }
  findProject(id) {
    return this.scenario.projects.find((p) => String(p.id) === id || p.path_with_namespace === id);
  }
  findGroup(id) {
    return this.scenario.groups.find((g) => String(g.id) === id || g.full_path === id);
  }
  projectView(p) {
    const g = p.namespace_id === null ? void 0 : this.scenario.groups.find((x) => x.id === p.namespace_id);
    const nsPath = g ? g.full_path : p.path_with_namespace.split("/").slice(0, -1).join("/");
    const name = p.path_with_namespace.split("/").pop() ?? "";
    const host = new URL(this.baseUrl).host;
    return {
      ...project_default,
      id: p.id,
      name,
      path: name,
      name_with_namespace: p.path_with_namespace.split("/").join(" / "),
      path_with_namespace: p.path_with_namespace,
      ssh_url_to_repo: `git@${host}:${p.path_with_namespace}.git`,
      http_url_to_repo: `${this.baseUrl}/${p.path_with_namespace}.git`,
      web_url: `${this.baseUrl}/${p.path_with_namespace}`,
      namespace: {
        ...project_default.namespace,
        id: g ? g.id : 1e3 + p.id,
        name: nsPath.split("/").pop(),
        path: nsPath.split("/").pop(),
        kind: g ? "group" : "user",
        full_path: nsPath,
        parent_id: g ? g.parent_id ?? null : null,
        web_url: `${this.baseUrl}/${g ? "groups/" : ""}${nsPath}`
      },
      container_registry_image_prefix: `registry.${host.replace(/^gitlab\./, "")}/${p.path_with_namespace}`
    };
  }
  variables(vars, url, key) {
    const all = (vars ?? []).map((v) => ({ ...variable_default, ...v, value: v.hidden ? null : v.value }));
    if (key === void 0) return paginate(all, url, this.baseUrl);
    const scope = url.searchParams.get("filter[environment_scope]");
    const found = all.filter((v) => v.key === key && (scope === null || v.environment_scope === scope));
    if (found.length === 0) return json(404, errors_default["404_variable"]);
    if (found.length > 1) return json(409, errors_default["409_variable"]);
    return json(200, found[0]);
  }
  /** Answer one request, as GitLab would. */
  handle(req) {
    this.requests.push(req);
    const url = new URL(req.url, "http://standin");
    const now = this.now();
    const token = req.headers["private-token"];
    if (!token || !this.scenario.apiTokens.includes(token)) return json(401, errors_default["401"]);
    if (req.method !== "GET") return json(405, { message: "405 Method Not Allowed" });
    const path = url.pathname.replace(/^\/api\/v4/, "");
    if (path === "/version") return json(200, { ...version_default, version: this.scenario.version });
    if (path === "/metadata") return json(200, { ...metadata_default, version: this.scenario.version });
    const m = /^\/(projects|groups)\/([^/]+)(?:\/(deploy_tokens|variables)(?:\/([^/]+))?)?$/.exec(path);
    if (!m) return json(404, { message: "404 Not Found" });
    const [, level, rawId = "", sub, key] = m;
    const id = decodeURIComponent(rawId);
    const entity = level === "projects" ? this.findProject(id) : this.findGroup(id);
    if (!entity)
      return json(404, level === "projects" ? errors_default["404_project"] : errors_default["404_group"]);
    if (sub === void 0) {
      if (level === "projects") return json(200, this.projectView(entity));
      const g = entity;
      return json(200, {
        ...group_default,
        id: g.id,
        name: g.full_path.split("/").pop(),
        path: g.full_path.split("/").pop(),
        full_name: g.full_path.split("/").join(" / "),
        full_path: g.full_path,
        parent_id: g.parent_id ?? null,
        web_url: `${this.baseUrl}/groups/${g.full_path}`
      });
    }
    if (sub === "deploy_tokens") {
      let tokens = [...entity.tokens ?? []].sort((a, b) => a.id - b.id);
      if (key !== void 0) {
        const t = tokens.find((x) => String(x.id) === key);
        return t ? json(200, tokenView(t, now)) : json(404, { message: "404 Token Not Found" });
      }
      if (url.searchParams.get("active") === "true") tokens = tokens.filter((t) => activeNow(t, now));
      return paginate(
        tokens.map((t) => tokenView(t, now)),
        url,
        this.baseUrl
      );
    }
    return this.variables(entity.variables, url, key === void 0 ? void 0 : decodeURIComponent(key));
  }
};
async function startStandin(scenario, opts = {}) {
  const holder = {};
  const server = createServer((req, res) => {
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const answer = holder.gitlab.handle({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers
    });
    const send = () => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    };
    if (opts.latencyMs) setTimeout(send, opts.latencyMs);
    else send();
  });
  server.keepAliveTimeout = 1e3;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  const gitlab = new StandinGitLab(scenario, { ...opts, baseUrl: url });
  holder.gitlab = gitlab;
  return {
    url,
    gitlab,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}

// src/cli/commands/demo.ts
var DEMO_SCENARIOS = [project_token_default, group_token_15_0_default, group_token_17_default, expired_token_default, grandparent_token_default];
function redact(text, secrets) {
  return secrets.reduce((t, s) => s.length >= 4 ? t.split(s).join("[MASKED]") : t, text);
}
async function runDemo(ctx, scenarios = DEMO_SCENARIOS) {
  const style = pickStyle(ctx.stdout.isTTY, ctx.env);
  let mismatches = 0;
  for (const [i, sc] of scenarios.entries()) {
    const secrets = [
      ...sc.apiTokens,
      ...sc.projects.flatMap((p) => (p.tokens ?? []).map((t) => t.token)),
      ...sc.groups.flatMap((g) => (g.tokens ?? []).map((t) => t.token))
    ];
    const standin = await startStandin(sc, { now: ctx.now });
    try {
      const env = { GITLAB_TOKEN: sc.apiTokens[0], ...sc.jobEnv ?? {} };
      const flags = { gitlabUrl: standin.url, project: sc.project };
      const { resolution: r, settings } = await runFlow(flags, { env, cwd: ctx.cwd, now: ctx.now });
      const plan = buildPlan(r, {
        gitlabUrl: settings.gitlabUrl,
        project: sc.project,
        now: ctx.now(),
        exports: r.ok ? [{ target: "shell", where: "stdout", variables: ["CI_DEPLOY_USER", "CI_DEPLOY_PASSWORD"] }] : []
      });
      let out = `
${style.bold(`${i + 1}. ${sc.title}`)}
   ${sc.description}

$ deploy-token plan --project ${sc.project}
`;
      out += formatPlanText(plan, style);
      if (r.ok && r.credentials) {
        out += `
$ eval "$(deploy-token resolve --export shell)"   # what it exports (secret masked here)
`;
        out += renderShell(deployVariables(r.credentials.username, r.credentials.password));
      }
      ctx.stdout.write(redact(out, secrets));
      if (sc.expectExit !== void 0 && r.exitCode !== sc.expectExit) {
        mismatches++;
        ctx.stderr.write(
          `deploy-token demo: scenario ${sc.name} gave exit ${r.exitCode}, expected ${sc.expectExit}
`
        );
      }
    } finally {
      await standin.close();
    }
  }
  ctx.stdout.write(
    `
${mismatches === 0 ? style.green("demo complete") : style.red("demo found a mismatch")}: ${scenarios.length} scenarios against a stand-in GitLab on 127.0.0.1; no network, no token.
`
  );
  return mismatches === 0 ? 0 : 1;
}
export {
  DEMO_SCENARIOS,
  runDemo
};
