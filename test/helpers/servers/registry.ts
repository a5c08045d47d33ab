/**
 * A real container registry on 127.0.0.1: Debian's `docker-registry` (Docker's distribution 2.8, as
 * GitLab runs it) behind token authentication, as GitLab configures it: the registry trusts the
 * tokens GitLab's /jwt/auth signs (test/helpers/servers/registry-gitlab.ts) and checks the actions
 * they grant itself (an upload needs `pull` and `push`).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../net.js';
import { needBinary } from './binaries.js';

export interface Registry {
  host: string;
  root: string;
  close(): Promise<void>;
}

export interface TokenAuth {
  /** GitLab's token endpoint, e.g. http://127.0.0.1:PORT/jwt/auth. */
  realm: string;
  service: string;
  issuer: string;
  /** The certificate whose key signs the tokens. */
  certPath: string;
}

export async function startRegistry(auth: TokenAuth): Promise<Registry> {
  const binary = needBinary('docker-registry', 'docker-registry (Debian package docker-registry)');
  const root = mkdtempSync(join(tmpdir(), 'dt-registry-'));
  const port = await freePort();
  const config = join(root, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      `storage: { filesystem: { rootdirectory: ${join(root, 'data')} }, delete: { enabled: true } }`,
      `http: { addr: "127.0.0.1:${port}", secret: "test-secret" }`,
      'auth:',
      '  token:',
      `    realm: ${JSON.stringify(auth.realm)}`,
      `    service: ${JSON.stringify(auth.service)}`,
      `    issuer: ${JSON.stringify(auth.issuer)}`,
      `    rootcertbundle: ${JSON.stringify(auth.certPath)}`,
      '',
    ].join('\n'),
  );
  const proc: ChildProcess = spawn(binary, ['serve', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const host = `127.0.0.1:${port}`;
  // Ready when /v2/ answers (401 without a token); bounded wait.
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`http://${host}/v2/`);
      if (r.status === 401 || r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (proc.exitCode !== null || i === 200) {
      proc.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
      throw new Error(`docker-registry did not start on ${host}: ${stderr.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    host,
    root,
    close: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r(undefined) : proc.once('exit', r)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A one-layer OCI image layout built from a tarball, without a Docker engine. */
export function makeOciLayout(dir: string): string {
  const layout = join(dir, 'image');
  execFileSync('sh', [
    '-c',
    `set -e
mkdir -p "${dir}/rootfs" "${layout}/blobs/sha256"
echo "hello from a deploy-token test image" > "${dir}/rootfs/hello.txt"
tar -C "${dir}/rootfs" -cf "${dir}/layer.tar" hello.txt
gzip -n -c "${dir}/layer.tar" > "${dir}/layer.tar.gz"
L=$(sha256sum "${dir}/layer.tar.gz" | cut -d" " -f1); LS=$(stat -c %s "${dir}/layer.tar.gz")
D=$(sha256sum "${dir}/layer.tar" | cut -d" " -f1)
cp "${dir}/layer.tar.gz" "${layout}/blobs/sha256/$L"
printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"config":{}}' "$D" > "${dir}/config.json"
C=$(sha256sum "${dir}/config.json" | cut -d" " -f1); CS=$(stat -c %s "${dir}/config.json")
cp "${dir}/config.json" "${layout}/blobs/sha256/$C"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' "$C" "$CS" "$L" "$LS" > "${dir}/manifest.json"
M=$(sha256sum "${dir}/manifest.json" | cut -d" " -f1); MS=$(stat -c %s "${dir}/manifest.json")
cp "${dir}/manifest.json" "${layout}/blobs/sha256/$M"
printf '{"imageLayoutVersion":"1.0.0"}' > "${layout}/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' "$M" "$MS" > "${layout}/index.json"
`,
  ]);
  return layout;
}
