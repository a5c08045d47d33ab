/** Ports on 127.0.0.1 for servers a test starts (and for a port nothing listens on). */
import { createServer, type AddressInfo } from 'node:net';

/** A port that was free a moment ago: listened on, then closed again. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}
