/**
 * Stands in for `@actions/http-client` in the action's bundle (scripts/build.mjs): `@actions/core`
 * needs it only for getIDToken (OIDC), which the action never calls, and loading it (with its own
 * undici and tunnel) would more than double the action's start-up time.
 */
const unused = () => new Error('@actions/http-client is not bundled: the action does not use getIDToken');

export class HttpClient {
  getJson(): never {
    throw unused();
  }
}

export class BearerCredentialHandler {
  prepareRequest(): never {
    throw unused();
  }
}
