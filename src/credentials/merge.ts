/**
 * Merging the user's own registry logins under ours, for the files that replace theirs
 * (DOCKER_CONFIG, REGISTRY_AUTH_FILE): pure, on the files' text.
 */

/**
 * docker's config.json has no include: so that a login made before (docker/login-action, a runner's
 * DOCKER_AUTH_CONFIG) keeps working for other registries, the user's file is merged under ours. Our
 * hosts lose any credHelpers entry (it would win over `auths`), and `credsStore` is dropped: docker
 * would ask the store for every host, ours too (docker/cli config/configfile GetCredentialsStore).
 */
export function mergeDockerConfig(ours: string, user: string | undefined): string {
  if (user === undefined) return ours;
  let theirs: unknown;
  try {
    theirs = JSON.parse(user);
  } catch {
    return ours; // docker could not read it either
  }
  if (typeof theirs !== 'object' || theirs === null || Array.isArray(theirs)) return ours;
  const o = JSON.parse(ours) as { auths: Record<string, unknown> };
  const t = { ...(theirs as Record<string, unknown>) };
  delete t.credsStore;
  const obj = (x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  const helpers = Object.fromEntries(
    Object.entries(obj(t.credHelpers)).filter(([host]) => !(host in o.auths)),
  );
  const merged: Record<string, unknown> = { ...t, auths: { ...obj(t.auths), ...o.auths } };
  if (Object.keys(helpers).length > 0) merged.credHelpers = helpers;
  else delete merged.credHelpers;
  return `${JSON.stringify(merged, null, 2)}\n`;
}

/** containers-auth.json: the user's files, in the order containers/image reads them, each under ours. */
export function mergeContainersAuth(ours: string, user: readonly string[] | undefined): string {
  return (user ?? []).reduce((acc, text) => mergeDockerConfig(acc, text), ours);
}
