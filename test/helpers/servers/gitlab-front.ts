/**
 * A GitLab on 127.0.0.1: the stand-in's REST API (src/standin) for deploy-token itself, and in front
 * of it the routes of real services (git smart HTTP, package registries, the registry's token service)
 * a test adds. One server per test file; `use(scenario)` switches the world (a read-only token, a
 * group token) for the API and the routes at once, so both always agree, as they do in GitLab.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scenario } from '../../../src/standin/model.js';
import { StandinGitLab } from '../../../src/standin/server.js';

export interface Front {
  url: string;
  /** The scenario the API and the routes answer from now. */
  readonly scenario: Scenario;
  use(scenario: Scenario): void;
  close(): Promise<void>;
}

/** Answers and returns true for its own paths; everything else is the stand-in's API. */
export type Route = (req: IncomingMessage, res: ServerResponse, baseUrl: string, front: Front) => boolean;

export async function startFront(
  scenario: Scenario,
  route: Route,
  now: () => Date = () => new Date(),
): Promise<Front> {
  let gitlab: StandinGitLab | undefined;
  let url = '';
  const server = createServer((req, res) => {
    if (route(req, res, url, front)) return;
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const a = gitlab!.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers });
    res.writeHead(a.status, a.headers).end(a.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const front: Front = {
    url,
    get scenario() {
      return gitlab!.scenario;
    },
    use(sc) {
      gitlab = new StandinGitLab(sc, { now, baseUrl: url });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  front.use(scenario);
  return front;
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

/** The whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}
