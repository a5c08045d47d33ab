import type { ClientName } from '../spec/types.js';

export type { ClientName };
export const CLIENT_NAMES: readonly ClientName[] = ['docker', 'git', 'npm', 'nuget', 'maven', 'pypi'];

/** The values client templates see: nothing else reaches them. */
export interface CredentialContext {
  username: string;
  password: string;
  /** e.g. https://gitlab.example.com (may include a relative root). */
  gitlabUrl: string;
  projectId: string | number;
  projectPath: string;
  /** CI_REGISTRY host[:port]. */
  registry?: string;
  /** CI_DEPENDENCY_PROXY_SERVER host:port. */
  dependencyProxy?: string;
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

export interface CredentialPlan {
  files: PlannedFile[];
  /** Variables to export (values are paths inside the private directory, or plain settings). */
  variables: { name: string; value: string }[];
}
