/** The job spec (`deploy-token.yml`); schema: schemas/deploy-token.schema.json. */
import type { Scope } from '../gitlab/scopes.js';
import type { ClientName, ClientOptions } from '../credentials/types.js';
import type { ExportTarget } from '../export/targets.js';

export type { Scope };
// The clients are defined once, in src/credentials/clients.ts.
export type { ClientName };

/** The spec a run reads when none is named: this file in the working directory, when it exists. */
export const DEFAULT_SPEC = 'deploy-token.yml';

export interface FileSpec {
  path: string;
  template: string;
  mode?: string;
  env?: string;
}

export interface JobSpec {
  scopes?: Scope[];
  configure?: ClientName[];
  client_options?: ClientOptions;
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
