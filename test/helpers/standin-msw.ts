/**
 * msw handlers that answer as GitLab does, from the stand-in's model (whose answers are built from
 * fixtures/gitlab/*.json), so unit tests of the API client and the gatherer see GitLab's documented
 * shapes and headers without a socket.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Scenario } from '../../src/standin/model.js';
import { StandinGitLab } from '../../src/standin/server.js';

export const GITLAB = 'https://gitlab.example.com';

export function standinHandlers(gitlab: StandinGitLab, base = GITLAB) {
  return [
    http.all(`${base}/api/v4/*`, async ({ request }) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => (headers[k] = v));
      const body = request.method === 'GET' ? '' : await request.text();
      const a = gitlab.handle({
        method: request.method,
        url: url.pathname + url.search,
        headers,
        ...(body ? { body } : {}),
      });
      if (a.status === 0) return HttpResponse.error();
      return new HttpResponse(a.status === 204 ? null : a.body, { status: a.status, headers: a.headers });
    }),
  ];
}

export function mswFor(
  scenario: Scenario,
  now: () => Date,
): { server: ReturnType<typeof setupServer>; gitlab: StandinGitLab } {
  const gitlab = new StandinGitLab(scenario, { now, baseUrl: GITLAB });
  const server = setupServer(...standinHandlers(gitlab));
  return { server, gitlab };
}
