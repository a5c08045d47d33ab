import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// templates/clients/docker-config.json.njk
var docker_config_json_default = '{# docker (DOCKER_CONFIG) and containers-auth.json(5) (REGISTRY_AUTH_FILE): auths.<host>.auth = base64 of username:password. -#}\n{\n  "auths": {\n{%- for host in registries %}\n    {{ host | json }}: { "auth": {{ ((username + ":" + password) | base64) | json }} }{% if not loop.last %},{% endif %}\n{%- endfor %}\n  }\n}\n';

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

// templates/clients/kubernetes-pull-secret.yaml.njk
var kubernetes_pull_secret_yaml_default = "{# kubernetes: an image pull secret (kubernetes.io/dockerconfigjson) for the registry, byte for byte what\n   `kubectl create secret docker-registry NAME --docker-server=REGISTRY --docker-username=USER\n   --docker-password=TOKEN [--namespace NS] --dry-run=client -o yaml` prints, less `creationTimestamp: null`.\n   Name and namespace are DNS-1123 names (checked), the data is base64: nothing here needs quoting. -#}\napiVersion: v1\ndata:\n  .dockerconfigjson: {{ k8s_dockerconfigjson }}\nkind: Secret\nmetadata:\n  name: {{ k8s_name }}\n{% if k8s_namespace %}  namespace: {{ k8s_namespace }}\n{% endif %}type: kubernetes.io/dockerconfigjson\n";

// templates/clients/netrc.njk
var netrc_default = `{# netrc(5): read by curl (--netrc-file "$NETRC"), Go (go get over HTTPS reads $NETRC), and Python's requests
   (pip, poetry, uv). One line for the GitLab host name: netrc has no ports. -#}
machine {{ gitlab_hostname | netrc }} login {{ username | netrc }} password {{ password | netrc }}
`;

// templates/clients/npmrc.njk
var npmrc_default = "{# npm: GitLab's npm endpoint (the group's when a group is set, else the project's) with the deploy token as\n   `_authToken`, also for the project endpoint npm publishes to (doc/user/packages/npm_registry). -#}\nregistry={{ npm_registry | npmrc }}\n{% for key in npm_auth_keys -%}\n{{ key | npmrc }}={{ password | npmrc }}\n{% endfor -%}\n";

// templates/clients/NuGet.Config.njk
var NuGet_Config_default = '{# NuGet: the GitLab source with packageSourceCredentials, as in `nuget source Add -Name GitLab`. The source is\n   GitLab\'s v3 index.json, or its v2 feed (`client_options: nuget: feed: v2`) for NuGet 2.x and Chocolatey 1.x.\n   The credentials element is named after the source key (an XML name, checked). -#}\n<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key="{{ nuget_source_name | xml }}" value="{{ nuget_source | xml }}" />\n  </packageSources>\n  <packageSourceCredentials>\n    <{{ nuget_source_name }}>\n      <add key="Username" value="{{ username | xml }}" />\n      <add key="ClearTextPassword" value="{{ password | xml }}" />\n    </{{ nuget_source_name }}>\n  </packageSourceCredentials>\n</configuration>\n';

// templates/clients/pip.conf.njk
var pip_conf_default = "{# pip: GitLab's PyPI simple index with basic auth in the index URL (doc/user/packages/pypi_repository). -#}\n[global]\nindex-url = {{ pypi_index | ini }}\n";

// templates/clients/pypirc.njk
var pypirc_default = "{# twine: the GitLab PyPI upload endpoint (doc/user/packages/pypi_repository), as repository `gitlab` (or\n   `client_options: twine: repository:`). -#}\n[distutils]\nindex-servers =\n    {{ pypi_repository | ini }}\n\n[{{ pypi_repository | ini }}]\nrepository = {{ pypi_upload | ini }}\nusername = {{ username | ini }}\npassword = {{ password | ini }}\n";

// templates/clients/settings.xml.njk
var settings_xml_default = '{# Maven: a Deploy-Token header for the GitLab Maven endpoint (doc/user/packages/maven_repository). -#}\n<?xml version="1.0" encoding="UTF-8"?>\n<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">\n  <servers>\n    <server>\n      <id>gitlab-maven</id>\n      <configuration>\n        <httpHeaders>\n          <property>\n            <name>Deploy-Token</name>\n            <value>{{ password | xml }}</value>\n          </property>\n        </httpHeaders>\n      </configuration>\n    </server>\n  </servers>\n  <profiles>\n    <profile>\n      <id>gitlab-maven</id>\n      <repositories>\n        <repository>\n          <id>gitlab-maven</id>\n          <url>{{ maven_url | xml }}</url>\n        </repository>\n      </repositories>\n    </profile>\n  </profiles>\n  <activeProfiles>\n    <activeProfile>gitlab-maven</activeProfile>\n  </activeProfiles>\n</settings>\n';

// src/credentials/clients.ts
var GITCONFIG = { path: "gitconfig", template: gitconfig_default, env: "GIT_CONFIG_GLOBAL" };
var NETRC = { path: "netrc", template: netrc_default, env: "NETRC" };
var NPMRC = { path: "npmrc", template: npmrc_default, env: "NPM_CONFIG_USERCONFIG" };
var PYPIRC = { path: "pypirc", template: pypirc_default, env: "PYPIRC" };
var REGISTRY_PULL = { all: ["read_registry"] };
var REGISTRY_PUSH = { all: ["read_registry", "write_registry"] };
var PACKAGE_PULL = { any: ["read_package_registry", "write_package_registry"] };
var PACKAGE_PUSH = { all: ["write_package_registry"] };
var NO_GIT_PUSH = "a deploy token has no write_repository scope: git push needs a deploy key or another token";
var envKey = (name) => name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
var loginSettings = (prefix, v) => [
  { name: `${prefix}_USERNAME`, value: v.username },
  { name: `${prefix}_PASSWORD`, value: v.password, secret: true }
];
var CLIENTS = {
  docker: {
    summary: "docker: config.json with auths for the registry (and the dependency proxy), via DOCKER_CONFIG",
    files: [
      {
        path: "docker/config.json",
        template: docker_config_json_default,
        env: "DOCKER_CONFIG",
        pointsAt: "dir",
        merge: "docker"
      }
    ],
    pull: REGISTRY_PULL,
    push: REGISTRY_PUSH,
    dependencyProxy: true,
    needsRegistry: true
  },
  // containers-auth.json(5): the same format; with REGISTRY_AUTH_FILE set it is the only file read.
  containers: {
    summary: "podman, buildah, skopeo: auth.json via REGISTRY_AUTH_FILE",
    files: [
      { path: "containers/auth.json", template: docker_config_json_default, env: "REGISTRY_AUTH_FILE", merge: "containers" }
    ],
    pull: REGISTRY_PULL,
    push: REGISTRY_PUSH,
    dependencyProxy: true,
    needsRegistry: true
  },
  kubernetes: {
    summary: 'kubectl: an image pull secret manifest for `kubectl apply -f "$IMAGE_PULL_SECRET_FILE"`',
    files: [{ path: "kubernetes/image-pull-secret.yaml", template: kubernetes_pull_secret_yaml_default, env: "IMAGE_PULL_SECRET_FILE" }],
    pull: REGISTRY_PULL,
    push: { never: "a cluster only pulls with an image pull secret" },
    needsRegistry: true
  },
  // GIT_CONFIG_GLOBAL (git >= 2.32) replaces ~/.gitconfig, which the file includes back.
  git: {
    summary: "git over HTTPS: an Authorization header for the GitLab URL, via GIT_CONFIG_GLOBAL",
    files: [GITCONFIG],
    settings: () => [{ name: "GIT_TERMINAL_PROMPT", value: "0" }],
    pull: { all: ["read_repository"] },
    push: { never: NO_GIT_PUSH }
  },
  // go get: the go-get=1 lookup sends netrc credentials (HTTPS only), git fetches with the gitconfig.
  // GitLab's Go proxy (lib/api/go_proxy.rb) does not take deploy tokens, so GOPROXY is left alone and
  // GOPRIVATE keeps the GitLab host's modules off the public proxy and checksum database.
  go: {
    summary: "go get over git: netrc (NETRC) and gitconfig, GOPRIVATE/GONOSUMDB for the GitLab host",
    files: [NETRC, GITCONFIG],
    settings: (v) => [
      { name: "GIT_TERMINAL_PROMPT", value: "0" },
      { name: "GOPRIVATE", value: v.go_private },
      { name: "GONOSUMDB", value: v.go_nosumdb }
    ],
    pull: { all: ["read_repository"] },
    push: { never: NO_GIT_PUSH }
  },
  netrc: {
    summary: 'curl --netrc-file "$NETRC", and other tools that read a netrc for the GitLab host',
    files: [NETRC],
    pull: { any: ["read_repository", "read_package_registry", "write_package_registry"] },
    push: PACKAGE_PUSH
  },
  npm: {
    summary: "npm: .npmrc with the registry and its _authToken, via NPM_CONFIG_USERCONFIG",
    files: [NPMRC],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // pnpm reads the user .npmrc that NPM_CONFIG_USERCONFIG names, as npm does (tested).
  pnpm: {
    summary: "pnpm: the same .npmrc, via NPM_CONFIG_USERCONFIG",
    files: [NPMRC],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // Yarn Berry reads .yarnrc.yml only from the project's folders and the home folder, and cannot take
  // npmRegistries from the environment: its YARN_* settings are the one way in.
  yarn: {
    summary: "yarn (Berry): YARN_NPM_REGISTRY_SERVER, YARN_NPM_PUBLISH_REGISTRY and YARN_NPM_AUTH_TOKEN (masked)",
    files: [],
    settings: (v) => [
      { name: "YARN_NPM_REGISTRY_SERVER", value: v.npm_registry },
      { name: "YARN_NPM_PUBLISH_REGISTRY", value: v.npm_publish_registry },
      { name: "YARN_NPM_AUTH_TOKEN", value: v.password, secret: true }
    ],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // nuget and dotnet take it with -ConfigFile / --configfile; NUGET_CONFIG_FILE is only our name for it.
  nuget: {
    summary: 'nuget, dotnet: NuGet.Config with the source and its credentials (-ConfigFile "$NUGET_CONFIG_FILE")',
    files: [{ path: "NuGet.Config", template: NuGet_Config_default, env: "NUGET_CONFIG_FILE" }],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // MAVEN_ARGS is read by Maven >= 3.9; older Maven needs `mvn -s "$MAVEN_SETTINGS"`.
  maven: {
    summary: 'mvn: settings.xml with a Deploy-Token header (mvn -s "$MAVEN_SETTINGS"; MAVEN_ARGS on Maven 3.9+)',
    files: [{ path: "settings.xml", template: settings_xml_default, env: "MAVEN_SETTINGS" }],
    settings: (_v, dir) => [{ name: "MAVEN_ARGS", value: `-s ${dir}/settings.xml` }],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // COMPOSER_AUTH holds auth.json's content (getcomposer.org, "Environment variables"); the user's own
  // value is merged under ours. A COMPOSER_HOME of ours would hide their global config and cache.
  composer: {
    summary: "composer: COMPOSER_AUTH (masked) with http-basic for the GitLab host",
    files: [],
    settings: (v) => [{ name: "COMPOSER_AUTH", value: v.composer_auth, secret: true }],
    pull: PACKAGE_PULL,
    push: {
      never: "composer has no upload: GitLab publishes Composer packages from git tags through its API"
    }
  },
  // pip ranks PIP_CONFIG_FILE above the global, user and site files and then skips the user file
  // (pip._internal.configuration OVERRIDE_ORDER; its docs say otherwise); only PIP_* variables beat
  // it. twine takes the .pypirc with --config-file.
  pypi: {
    summary: 'pip: pip.conf (PIP_CONFIG_FILE); twine: .pypirc (--config-file "$PYPIRC")',
    files: [{ path: "pip.conf", template: pip_conf_default, env: "PIP_CONFIG_FILE" }, PYPIRC],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  twine: {
    summary: 'twine: .pypirc (twine upload --config-file "$PYPIRC"), TWINE_REPOSITORY names its section',
    files: [PYPIRC],
    settings: (v) => [{ name: "TWINE_REPOSITORY", value: v.pypi_repository }],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // Poetry reads http-basic credentials of a named source from POETRY_HTTP_BASIC_<SOURCE>_* and a
  // repository to publish to from POETRY_REPOSITORIES_<NAME>_URL (poetry/config/config.py).
  poetry: {
    summary: "poetry: POETRY_HTTP_BASIC_<SOURCE>_USERNAME/_PASSWORD (masked) and POETRY_REPOSITORIES_<SOURCE>_URL",
    files: [],
    settings: (v) => [
      ...loginSettings(`POETRY_HTTP_BASIC_${envKey(v.poetry_source)}`, v),
      { name: `POETRY_REPOSITORIES_${envKey(v.poetry_source)}_URL`, value: v.pypi_upload }
    ],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  },
  // uv: credentials of a named index (uv docs, "Index authentication") and of `uv publish`.
  uv: {
    summary: "uv: UV_INDEX_<NAME>_USERNAME/_PASSWORD (masked) and UV_PUBLISH_URL/_USERNAME/_PASSWORD",
    files: [],
    settings: (v) => [
      ...loginSettings(`UV_INDEX_${envKey(v.uv_index)}`, v),
      { name: "UV_PUBLISH_URL", value: v.pypi_upload },
      ...loginSettings("UV_PUBLISH", v)
    ],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH
  }
};
function unmet(need, scopes) {
  const missing = (need.all ?? []).filter((s) => !scopes.includes(s));
  if (missing.length > 0) return `needs ${missing.join(" and ")}`;
  if (need.any && !need.any.some((s) => scopes.includes(s))) return `needs ${need.any.join(" or ")}`;
  return void 0;
}
function abilities(client, scopes) {
  const def = CLIENTS[client];
  const pullGap = unmet(def.pull, scopes);
  const pushGap = "never" in def.push ? def.push.never : unmet(def.push, scopes);
  return { pull: pullGap ? `no (${pullGap})` : "yes", push: pushGap ? `no (${pushGap})` : "yes" };
}

export {
  CLIENTS,
  abilities
};
