/** The job spec (`deploy-token.yml`), docs/validate.md and examples/; schema: schemas/deploy-token.schema.json. */
export type Scope =
  'read_repository' | 'read_registry' | 'write_registry' | 'read_package_registry' | 'write_package_registry';
export type ClientName = 'docker' | 'git' | 'npm' | 'nuget' | 'maven' | 'pypi';
export type ExportTarget = 'github' | 'shell' | 'dotenv' | 'json';

export interface FileSpec {
  path: string;
  template: string;
  mode?: string;
  env?: string;
}

export interface JobSpec {
  scopes?: Scope[];
  configure?: ClientName[];
  export?: ExportTarget[];
  variables?: Record<string, string>;
  files?: FileSpec[];
  run?: string[];
  lfs?: boolean;
  ephemeral?: boolean;
  dependency_proxy?: boolean;
}

export interface Spec {
  version: 1;
  gitlab?: { url?: string; project?: string | number; api_token_env?: string; environment?: string };
  token?: {
    name?: string;
    min_days_left?: number;
    fallback?: { username_env?: string; password_env?: string };
  };
  jobs: Record<string, JobSpec>;
}
