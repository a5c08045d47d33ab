/**
 * A GitLab on 127.0.0.1: the stand-in's REST API (src/standin) for deploy-token itself, and in front
 * of it the routes of one real service (git smart HTTP, a package registry) a test adds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scenario } from '../../../src/standin/model.js';
import { StandinGitLab } from '../../../src/standin/server.js';

export interface Front {
  url: string;
  close(): Promise<void>;
}

/** `route` answers and returns true for its own paths; everything else is the stand-in's API. */
export async function startFront(
  scenario: Scenario,
  route: (req: IncomingMessage, res: ServerResponse, baseUrl: string) => boolean,
  now: () => Date = () => new Date(),
): Promise<Front> {
  const holder: { gitlab?: StandinGitLab; url?: string } = {};
  const server = createServer((req, res) => {
    if (route(req, res, holder.url!)) return;
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const a = holder.gitlab!.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers });
    res.writeHead(a.status, a.headers).end(a.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  holder.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  holder.gitlab = new StandinGitLab(scenario, { now, baseUrl: holder.url });
  return {
    url: holder.url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user and password of a basic Authorization header, or nulls. */
export function basicAuth(req: IncomingMessage): { user: string | null; pass: string | null } {
  const auth = req.headers.authorization ?? '';
  const decoded = /^Basic /i.test(auth) ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
  const sep = decoded.indexOf(':');
  return sep >= 0
    ? { user: decoded.slice(0, sep), pass: decoded.slice(sep + 1) }
    : { user: null, pass: null };
}
