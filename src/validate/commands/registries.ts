/** Which registry an image reference points at: GitLab's container registry, its dependency proxy, another. */

const OTHER_REGISTRIES = [
  /^(index\.)?docker\.io$/,
  /^registry-1\.docker\.io$/,
  /^ghcr\.io$/,
  /^quay\.io$/,
  /(^|\.)gcr\.io$/,
  /\.pkg\.dev$/,
  /\.amazonaws\.com$/,
  /^public\.ecr\.aws$/,
  /\.azurecr\.io$/,
  /^mcr\.microsoft\.com$/,
];

export type RegistryKind = 'gitlab' | 'dependency-proxy' | 'other' | 'unknown';

/** Whether an image reference points at GitLab's container registry, the dependency proxy or elsewhere. */
export function registryOf(ref: string): RegistryKind {
  const r = ref.replace(/^(docker|oci):\/\//, '');
  if (/\$\{?CI_DEPENDENCY_PROXY_/.test(r)) return 'dependency-proxy';
  if (/\$\{?CI_REGISTRY/.test(r)) return 'gitlab';
  const first = r.split('/')[0] ?? '';
  const hasHost = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasHost) return r.startsWith('$') ? 'unknown' : 'other';
  const host = first.replace(/:\d+$/, '').toLowerCase();
  if (host.startsWith('$')) return 'unknown';
  if (OTHER_REGISTRIES.some((re) => re.test(host))) return 'other';
  if (/^registry\.|gitlab/.test(host)) return 'gitlab';
  return 'unknown';
}
