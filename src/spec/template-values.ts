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

/**
 * Is a template's value a secret? When it reads `password` in any way (base64 of it, a URL with it,
 * `user:password`). The one guess for the exporter (export/render.ts marks such variables secret) and
 * validate (it counts variables made from the password as holding the token).
 */
export function readsPassword(template: string): boolean {
  return /\bpassword\b/.test(template);
}
