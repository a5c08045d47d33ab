/**
 * Answers a test's fault injector (StandinOptions.intercept) hands back instead of GitLab's:
 * GitLab's refusal, and no answer at all, before or after GitLab applied the request.
 */
import { gitlabError, type StandinResponse } from '../../src/standin/http.js';

/** GitLab refusing the request (role or token scope), with its own body (fixtures/gitlab/errors.json). */
export const forbidden = (): StandinResponse => gitlabError('403');

/** No answer: the connection is dropped and the request changed nothing. */
export const dropped = (): StandinResponse => ({ status: 0, headers: {}, body: '' });

/** GitLab applied the request, and its answer was lost on the way back. */
export function lost(next: () => StandinResponse): StandinResponse {
  next();
  return dropped();
}
