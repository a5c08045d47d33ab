/** The only names a template (spec `variables`, `files`, client templates) may use. */
export const TEMPLATE_VALUES = [
  'username',
  'password',
  'gitlab_url',
  'gitlab_host',
  'api_url',
  'registry',
  'dependency_proxy',
  'project_id',
  'project_path',
  'token_id',
  'expires_at',
  'scopes',
] as const;
export type TemplateValueName = (typeof TEMPLATE_VALUES)[number];
