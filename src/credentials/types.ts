import type { ClientName } from '../spec/types.js';

export type { ClientName };
export const CLIENT_NAMES: readonly ClientName[] = ['docker', 'git', 'npm', 'nuget', 'maven', 'pypi'];

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
}

export interface PlannedFile {
  client: ClientName | 'user';
  /** Relative to the private directory. */
  path: string;
  mode: number;
  /** The environment variable that points a client at it, if any. */
  env?: string;
  content: string;
}

/** A variable to export: a path inside the private directory, or a plain setting. */
export interface PlanVariable {
  name: string;
  value: string;
  /** Whether the value must be masked (none of the built-in clients' are: they are paths). */
  secret: boolean;
}

export interface CredentialPlan {
  /**
   * The private directory the paths are relative to. Always set by planCredentials; optional in the
   * type only so an empty plan can be written as `{ files: [], variables: [] }`.
   */
  dir?: string;
  files: PlannedFile[];
  variables: PlanVariable[];
}

/** What `plan` shows for a file: never its content. */
export interface PlannedFileView {
  client: ClientName | 'user';
  path: string;
  /** Octal, e.g. "0600". */
  mode: string;
  env: string | null;
}
