/**
 * A GitLab on 127.0.0.1 that answers from the stand-in's model unless a fault is injected for a
 * request: hang, reset, a status sequence, HTML, truncated or wrong-shaped JSON, redirects, broken
 * pagination, a slow drip. Each test scripts the faults per path and reads back what was asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Scenario } from '../../src/standin/model.js';
import { StandinGitLab } from '../../src/standin/server.js';

export type Fault =
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'html' }
  | { kind: 'truncated' }
  | { kind: 'wrong-shape' }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'drip'; everyMs: number }
  | { kind: 'headers'; set: Record<string, string> };

export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
}

export interface FaultyGitLab {
  url: string;
  seen: SeenRequest[];
  /** Faults for requests whose path matches, consumed in order; `repeat` keeps the last one. */
  inject(match: RegExp, faults: Fault[], opts?: { repeat?: boolean }): void;
  close(): Promise<void>;
}

export async function startFaultyGitLab(scenario: Scenario, now: () => Date): Promise<FaultyGitLab> {
  const rules: { match: RegExp; faults: Fault[]; repeat: boolean }[] = [];
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const holder: { gitlab?: StandinGitLab } = {};

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const url = req.url ?? '/';
    seen.push({ method: req.method ?? 'GET', url, headers });
    const rule = rules.find((r) => r.match.test(url) && r.faults.length > 0);
    let fault: Fault | undefined;
    if (rule) fault = rule.repeat && rule.faults.length === 1 ? rule.faults[0] : rule.faults.shift();
    const normal = () => holder.gitlab!.handle({ method: req.method ?? 'GET', url, headers });
    if (!fault) {
      const a = normal();
      res.writeHead(a.status, a.headers).end(a.body);
      return;
    }
    switch (fault.kind) {
      case 'hang':
        return; // never answer
      case 'reset':
        req.socket.destroy();
        return;
      case 'status':
        res
          .writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
          .end(fault.body ?? '{"message":"fault"}');
        return;
      case 'html':
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!DOCTYPE html><html><title>Sign in · GitLab</title></html>');
        return;
      case 'truncated': {
        const a = normal();
        const cut = a.body.slice(0, Math.max(1, Math.floor(a.body.length / 2)));
        res.writeHead(200, { ...a.headers, 'content-length': String(Buffer.byteLength(cut)) }).end(cut);
        return;
      }
      case 'wrong-shape':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"unexpected":true}}');
        return;
      case 'redirect':
        res.writeHead(fault.status ?? 302, { location: fault.location }).end();
        return;
      case 'headers': {
        const a = normal();
        res.writeHead(a.status, { ...a.headers, ...fault.set }).end(a.body);
        return;
      }
      case 'drip': {
        const a = normal();
        res.writeHead(200, { ...a.headers, 'content-length': String(Buffer.byteLength(a.body)) });
        let i = 0;
        const t = setInterval(() => {
          if (i >= a.body.length || res.destroyed) {
            clearInterval(t);
            timers.delete(t);
            res.end();
            return;
          }
          res.write(a.body[i++]);
        }, fault.everyMs);
        timers.add(t);
        return;
      }
    }
  };
  const server = createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  holder.gitlab = new StandinGitLab(scenario, { now, baseUrl: url });
  return {
    url,
    seen,
    inject(match, faults, opts = {}) {
      rules.unshift({ match, faults: [...faults], repeat: opts.repeat === true });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
