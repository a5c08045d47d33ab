import type { ClientName } from './client-names.js';

export type { ClientName };

/** `client_options:` of a job spec: names and feeds the clients' files use. */
export interface ClientOptions {
  /** The image pull secret's name (default gitlab-registry) and namespace (default: none, kubectl's current). */
  kubernetes?: { name?: string; namespace?: string };
  /** The pyproject source name poetry reads credentials for, and publishes to (default gitlab). */
  poetry?: { source?: string };
  /** The pyproject index name uv reads credentials for (default gitlab). */
  uv?: { index?: string };
  /** The .pypirc section twine uploads to (default gitlab). */
  twine?: { repository?: string };
  /** The NuGet source key (default GitLab) and feed: v3 (index.json, default) or v2 (NuGet 2.x, Chocolatey 1.x). */
  nuget?: { source?: string; feed?: 'v3' | 'v2' };
}

/** The values client templates see (with username and password): nothing else reaches them. */
export interface CredentialContext {
  username: string;
  password: string;
  /** e.g. https://gitlab.example.com (may include a relative root). */
  gitlabUrl: string;
  /** host[:port]; derived from gitlabUrl when absent. */
  gitlabHost?: string;
  /** `${gitlabUrl}/api/v4`; derived from gitlabUrl when absent. */
  apiUrl?: string;
  /** CI_REGISTRY host[:port] (project.container_registry_image_prefix or $CI_REGISTRY). */
  registry?: string;
  /** CI_DEPENDENCY_PROXY_SERVER host:port, e.g. gitlab.example.com:443. */
  dependencyProxy?: string;
  projectId: string | number;
  projectPath: string;
  /** Set to read packages from the group-level endpoints (uploads still go to the project). */
  groupId?: string | number;
  /** The job spec's `client_options`. */
  options?: ClientOptions;
}

export interface LayoutFile {
  /** The client that asked for it first (a file two clients read is written once). */
  client: ClientName | 'user';
  /** Relative to the private directory. */
  path: string;
  mode: number;
  /** The environment variable that points a client at it, if any. */
  env?: string;
  content: string;
}

/** A variable to export: a path inside the private directory, a plain setting, or one holding the token. */
export interface LayoutVariable {
  name: string;
  value: string;
  /** It carries the token (yarn, poetry, uv, composer settings): masked like the password. */
  secret: boolean;
}

export interface CredentialLayout {
  /**
   * The private directory the paths are relative to. Always set by layoutCredentials; optional in the
   * type only so an empty layout can be written as `{ files: [], variables: [] }`.
   */
  dir?: string;
  files: LayoutFile[];
  variables: LayoutVariable[];
  /** Each configured client with the files and variables it uses. */
  clients?: { name: ClientName; files: string[]; variables: string[] }[];
}

/** What `plan` shows for a file: never its content. */
export interface LayoutFileView {
  client: ClientName | 'user';
  path: string;
  /** Octal, e.g. "0600". */
  mode: string;
  env: string | null;
}

/** What `plan` shows for a client: names, never values. */
export interface ClientView {
  client: ClientName;
  files: string[];
  variables: string[];
  /** The variables among them that hold the token (masked). */
  masked: string[];
  /** With the token's scopes: `yes`, or `no (needs …)`. */
  pull?: string;
  push?: string;
}
