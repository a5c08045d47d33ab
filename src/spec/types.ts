/** The job spec (`deploy-token.yml`), PRODUCT.md "The job spec"; schema: schemas/deploy-token.schema.json. */
import type { Scope } from '../gitlab/scopes.js';
export type { Scope };
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
