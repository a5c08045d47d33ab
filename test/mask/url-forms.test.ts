/**
 * %-encoded forms as real tools print them (issue: Python's quote keeps `/` and was not masked). Each
 * tool that is installed encodes every secret once; whatever it prints, in upper- and lower-case
 * hex, must come out as one [MASKED] inside a URL or a form body. The forms are never derived here
 * with our own encoder: a tool that encodes differently from what forms.ts believes fails the test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MASK, maskString, SecretRegistry } from '../../src/mask/index.js';

const SECRETS = [
  'p@ss w0rd/with~all*the(reserved)!chars',
  "a/b+c=d&e;f,g:h$i'j",
  'slash/slash/slash-~_.',
  'pässwörd #1 ?x=y',
  'x!y*z(q)\'r"s',
  '[brackets]{braces}|pipe^caret`tick',
];

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Runs a program once per secret set: it prints one encoded line per secret and encoder. */
function run(cmd: string, args: string[], input?: string): string[] {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '');
}

const tools: [string, () => string[]][] = [];

tools.push([
  'node: encodeURIComponent, encodeURI, URLSearchParams',
  () =>
    run(process.execPath, [
      '-e',
      `for (const s of JSON.parse(process.argv[1])) {
        console.log(encodeURIComponent(s));
        console.log(encodeURI(s));
        console.log(new URLSearchParams([['k', s]]).toString().slice(2));
      }`,
      JSON.stringify(SECRETS),
    ]),
]);

if (has('python3'))
  tools.push([
    "python3: quote, quote(safe=''), quote_plus, urlencode",
    () =>
      run('python3', [
        '-c',
        `import json, sys
from urllib.parse import quote, quote_plus, urlencode
for s in json.loads(sys.argv[1]):
    print(quote(s)); print(quote(s, safe='')); print(quote_plus(s)); print(urlencode({'k': s})[2:])`,
        JSON.stringify(SECRETS),
      ]),
  ]);

if (has('php'))
  tools.push([
    'php: rawurlencode, urlencode',
    () =>
      run('php', [
        '-r',
        'foreach (json_decode($argv[1]) as $s) { echo rawurlencode($s), "\\n", urlencode($s), "\\n"; }',
        JSON.stringify(SECRETS),
      ]),
  ]);

if (has('go'))
  tools.push([
    'go: url.QueryEscape, url.PathEscape',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'dt-go-'));
      try {
        writeFileSync(
          join(dir, 'main.go'),
          `package main
import ("encoding/json"; "fmt"; "net/url"; "os")
func main() {
  var ss []string
  json.Unmarshal([]byte(os.Args[1]), &ss)
  for _, s := range ss { fmt.Println(url.QueryEscape(s)); fmt.Println(url.PathEscape(s)) }
}
`,
        );
        return run('go', ['run', join(dir, 'main.go'), JSON.stringify(SECRETS)]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  ]);

if (has('java'))
  tools.push([
    'java: URLEncoder',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'dt-java-'));
      try {
        writeFileSync(
          join(dir, 'U.java'),
          'public class U { public static void main(String[] a) { for (String s : a) System.out.println(java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)); } }',
        );
        return run('java', [join(dir, 'U.java'), ...SECRETS]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  ]);

if (has('curl'))
  tools.push([
    'curl --data-urlencode (lower-case hex)',
    () =>
      SECRETS.map((s) => {
        // -G puts the encoded data into the URL; nothing listens on port 9, the URL is all we read.
        const r = spawnSync(
          'curl',
          [
            '-s',
            '-o',
            '/dev/null',
            '-G',
            '--data-urlencode',
            `=${s}`,
            '-w',
            '%{url_effective}',
            'http://127.0.0.1:9/',
          ],
          { encoding: 'utf8', timeout: 20_000 },
        );
        return r.stdout.replace(/^http:\/\/127\.0\.0\.1:9\/\?/, '');
      }),
  ]);

if (has('jq'))
  tools.push(['jq @uri', () => SECRETS.map((s) => run('jq', ['-rn', '--arg', 's', s, '$s|@uri'])[0] ?? '')]);

describe('%-encodings printed by real tools are masked (upper- and lower-case hex)', () => {
  const registry = new SecretRegistry({ gitlabTokens: false });
  for (const s of SECRETS) registry.add(s);

  it('node and python3 are here (the others when installed)', () => {
    expect(tools.length).toBeGreaterThanOrEqual(2);
  });

  it.each(tools)(
    '%s',
    (_name, encode) => {
      const printed = encode();
      expect(printed.length).toBeGreaterThanOrEqual(SECRETS.length);
      const cases = new Set<string>();
      for (const p of printed) {
        cases.add(p);
        cases.add(p.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
        cases.add(p.replace(/%[0-9a-f]{2}/g, (h) => h.toUpperCase()));
      }
      for (const c of cases) {
        expect(maskString(`https://gitlab.example.com/x?token=${c}&next=1`, registry)).toBe(
          `https://gitlab.example.com/x?token=${MASK}&next=1`,
        );
      }
    },
    90_000,
  );
});
