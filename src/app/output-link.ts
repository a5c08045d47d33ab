/**
 * A child's output over sockets this process connects itself, so that it can read them with net's
 * `onread` (into reused buffers: mask/pump.ts `maskingReads`). Node's stdio 'pipe' is a Unix socket
 * pair too, but each of its reads lands in a fresh buffer. A socket listens in a private directory
 * (0700, made and checked by credentials/write.ts) for exactly one connection per stream; the
 * directory is gone before the child starts. The child holds the accepted ends as its stdout and
 * stderr, as it would hold the socket pair's. Where this cannot be (Windows, a temp path too long
 * for a socket address, any error), the answer is undefined and the caller uses stdio 'pipe'.
 */
import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { privateDir } from '../credentials/write.js';
import type { OnRead } from '../mask/index.js';

/** One stream: the child writes to `writer` (pass it in stdio, then close it here), we read `reader`. */
export interface OutputLink {
  writer: Socket;
  reader: Socket;
}

/** Socket addresses are short (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;
/** Connecting to our own listening socket takes well under a millisecond; past this, give up. */
const CONNECT_LIMIT_MS = 2000;

export interface LinkPlace {
  /** Where the private directory is made (default: the system temp dir). */
  tempDir?: string;
  platform?: NodeJS.Platform;
}

/** One link per `onread`, in order; undefined where links cannot be made (see the file's comment). */
export async function outputLinks(
  onreads: OnRead[],
  place: LinkPlace = {},
): Promise<OutputLink[] | undefined> {
  if ((place.platform ?? process.platform) === 'win32') return undefined;
  let dir: string;
  try {
    dir = privateDir(place.tempDir === undefined ? {} : { RUNNER_TEMP: place.tempDir });
  } catch {
    return undefined;
  }
  const path = join(dir, 'out');
  const server = createServer();
  const links: OutputLink[] = [];
  try {
    if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return undefined;
    await listen(server, path);
    for (const onread of onreads) links.push(await link(server, path, onread));
    return links;
  } catch {
    for (const l of links) {
      l.writer.destroy();
      l.reader.destroy();
    }
    return undefined;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Connects one reader and takes the connection the server accepts for it. */
function link(server: Server, path: string, onread: OnRead): Promise<OutputLink> {
  return new Promise((resolve, reject) => {
    let writer: Socket | undefined;
    let connected = false;
    const reader = connect({ path, onread });
    const timer = setTimeout(() => fail(new Error('output link: no connection')), CONNECT_LIMIT_MS);
    const done = () => {
      if (writer === undefined || !connected) return;
      clearTimeout(timer);
      reader.off('error', fail);
      server.off('error', fail);
      resolve({ writer, reader });
    };
    function fail(e: Error): void {
      clearTimeout(timer);
      server.off('connection', onConnection);
      reader.destroy();
      writer?.destroy();
      reject(e);
    }
    function onConnection(s: Socket): void {
      writer = s;
      done();
    }
    server.once('connection', onConnection);
    server.once('error', fail);
    reader.once('error', fail);
    reader.once('connect', () => {
      connected = true;
      done();
    });
  });
}
