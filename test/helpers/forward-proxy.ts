/**
 * A forward proxy on 127.0.0.1 that really forwards, as squid or tinyproxy do: absolute-form
 * requests (`GET http://host:port/path`) are sent on to the target (Proxy-Authorization and
 * Proxy-Connection dropped), CONNECT opens a byte tunnel. What it saw is recorded for the test.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ForwardProxy {
  url: string;
  /** Absolute-form requests forwarded (URL and the headers the proxy received). */
  forwarded: { url: string; headers: IncomingMessage['headers'] }[];
  /** CONNECT targets (`host:port`). */
  tunnels: string[];
  close(): Promise<void>;
}

function forward(req: IncomingMessage, res: import('node:http').ServerResponse): void {
  let target: URL;
  try {
    target = new URL(req.url ?? '');
  } catch {
    res.writeHead(400).end();
    return;
  }
  const headers = { ...req.headers };
  delete headers['proxy-authorization'];
  delete headers['proxy-connection'];
  const up = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: req.method,
      headers,
    },
    (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    },
  );
  up.on('error', () => res.writeHead(502).end());
  req.pipe(up);
}

function tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
  const [host, port] = (req.url ?? '').split(':');
  const up = connect(Number(port), host, () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    up.write(head);
    up.pipe(client);
    client.pipe(up);
  });
  up.on('error', () => client.destroy());
  client.on('error', () => up.destroy());
}

/** `record`: arrays of the test's own to record into (default: fresh ones). */
export async function startForwardProxy(
  record: Partial<Pick<ForwardProxy, 'forwarded' | 'tunnels'>> = {},
): Promise<ForwardProxy> {
  const forwarded = record.forwarded ?? [];
  const tunnels = record.tunnels ?? [];
  const server: Server = createServer((req, res) => {
    forwarded.push({ url: req.url ?? '', headers: req.headers });
    forward(req, res);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    tunnel(req, client, head);
  });
  const url = await new Promise<string>((r) =>
    server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  return {
    url,
    forwarded,
    tunnels,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
