/**
 * Hostile and broken input, as properties (fast-check): each reports its case count. The spec loader
 * never throws on random YAML or random bytes (a finding or a spec, nothing else); shell exports
 * round-trip any value through real sh/dash/bash; the version parser never throws and round-trips;
 * credential writing on a full disk leaves nothing half-written; size limits hold.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { layoutCredentials, writeCredentials } from '../../src/credentials/index.js';
import { renderShell } from '../../src/export/shell.js';
import { parseGitLabVersion, formatVersion } from '../../src/gitlab/version.js';
import { loadSpec } from '../../src/validate/spec/load.js';
import { record } from '../helpers/report.js';

function prop<T>(label: string, arb: fc.Arbitrary<T>, check: (v: T) => unknown, numRuns: number) {
  fc.assert(
    fc.property(arb, (v) => check(v) !== false),
    { numRuns },
  );
  record('property', numRuns, label);
}

describe('the spec loader on random input: a finding or a spec, never an exception', () => {
  test('random bytes', () => {
    prop(
      'spec loader, random bytes',
      fc.uint8Array({ maxLength: 400 }),
      (bytes) => {
        const r = loadSpec(Buffer.from(bytes).toString('utf8'), 'random.yml');
        expect(Array.isArray(r.findings)).toBe(true);
        if (!r.spec) expect(r.findings.length).toBeGreaterThan(0);
      },
      3000,
    );
  });
  test('random YAML documents', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    const specish = fc.record(
      {
        version: fc.oneof(fc.constant(1), value),
        jobs: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 3 }), value),
        gitlab: value,
      },
      { requiredKeys: [] },
    );
    prop(
      'spec loader, random YAML',
      fc.oneof(value, specish),
      (doc) => {
        const r = loadSpec(stringify(doc), 'random.yml');
        for (const f of r.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(typeof f.ruleId).toBe('string');
        }
      },
      3000,
    );
  });
  test('an alias bomb is refused with a finding, quickly', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const t0 = Date.now();
    const r = loadSpec(bomb, 'bomb.yml');
    expect(r.spec).toBeUndefined();
    expect(r.findings.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  test('a 50 MB spec is refused by size, with a finding', () => {
    const big = `version: 1\njobs:\n${'  # padding\n'.repeat((50 * 1024 * 1024) / 12)}`;
    const r = loadSpec(big, 'big.yml');
    expect(r.spec).toBeUndefined();
    expect(r.findings[0]?.message).toMatch(/MiB|large|size|bytes/i);
  });
});

describe('shell export: any value survives sh, dash and bash', () => {
  const SHELLS = ['sh', 'dash', 'bash'];
  const exportThenPrint = (value: string, end: string) =>
    `unset V\n${renderShell([{ name: 'V', value, secret: true }])}printf '%s${end}' "$V"\n`;
  const inShell = (sh: string, script: string) =>
    execFileSync(sh, ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });

  test('random values, including quotes, $(), backticks and newlines', () => {
    const values = fc.string({
      unit: fc.constantFrom("'", '"', '$', '(', ')', '`', '\\', '\n', ' ', 'a', '!', '*', ';', '\t', 'é'),
      maxLength: 24,
    });
    // One shell process per shell for all the cases (not one per case and shell): the same seed
    // generates the same values twice, first to collect them, then to check each against what every
    // shell printed for it, each value's export and printf on its own, the outputs NUL-separated (no
    // value holds a NUL). A value the batch did not see (fast-check shrinking a failure) runs alone.
    const seed = Date.now() ^ Math.floor(Math.random() * 0x7fffffff);
    const runs = 150;
    const seen: string[] = [];
    fc.assert(
      fc.property(values, (v) => void seen.push(v)),
      { numRuns: runs, seed },
    );
    const unique = [...new Set(seen)];
    const printed = new Map<string, string[]>();
    const batches = SHELLS.map((sh) => {
      try {
        return inShell(sh, unique.map((v) => exportThenPrint(v, '\\0')).join('')).split('\0');
      } catch {
        return []; // a shell that failed on the batch: every value runs alone, and the failing one is named
      }
    });
    if (batches.every((out) => out.length === unique.length + 1))
      unique.forEach((v, i) =>
        printed.set(
          v,
          batches.map((out) => out[i]!),
        ),
      );
    let batched = 0;
    fc.assert(
      fc.property(values, (value) => {
        const got = printed.get(value) ?? SHELLS.map((sh) => inShell(sh, exportThenPrint(value, '')));
        if (printed.has(value)) batched++;
        expect(got).toEqual(SHELLS.map(() => value));
      }),
      { numRuns: runs, seed },
    );
    expect(batched).toBe(runs);
    record('property', runs, 'shell export round trip (sh, dash, bash)');
  });
});

describe('the version parser', () => {
  test('never throws on random strings; what it parses formats back', () => {
    prop(
      'version parser, random strings',
      fc.string({ maxLength: 30 }),
      (s) => {
        const v = parseGitLabVersion(s);
        if (v)
          expect(parseGitLabVersion(formatVersion(v))).toMatchObject({
            major: v.major,
            minor: v.minor,
            patch: v.patch,
          });
      },
      5000,
    );
    prop(
      'version parser, version-shaped strings',
      fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99), fc.constantFrom('', '-ee', '-pre', '-rc1')),
      ([a, b, c, sfx]) => {
        const v = parseGitLabVersion(`${a}.${b}.${c}${sfx}`);
        expect(v).toMatchObject({ major: a, minor: b, patch: c, suffix: sfx.replace('-', '') });
      },
      2000,
    );
  });
});

describe('files under faults', () => {
  const ctx = {
    username: 'u',
    password: 'gldt-DiskFullDiskFullDisk',
    gitlabUrl: 'https://gitlab.example.com',
    projectId: 3,
    projectPath: 't/a',
    registry: 'r.example.com',
  };
  test('disk full (ENOSPC) on the second file: clear error, nothing half-written, nothing left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-full-'));
    const layout = layoutCredentials(['docker', 'git', 'npm'], [], ctx, dir);
    let writes = 0;
    const fs = {
      openSync,
      writeSync: (fd: number, d: string) => {
        if (++writes === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return writeSync(fd, d);
      },
    };
    expect(() => writeCredentials(layout, dir, [], fs)).toThrow(/ENOSPC.*nothing was left behind/);
    expect(existsSync(dir)).toBe(false);
  });
  test('a read-only or missing place for the files: a clear error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dt-ro-')), 'not-a-dir');
    writeFileSync(file, '');
    expect(() =>
      writeCredentials(layoutCredentials(['git'], [], ctx, join(file, 'x')), join(file, 'x')),
    ).toThrow(/cannot write credential files/);
    expect(readdirSync(join(file, '..'))).toEqual(['not-a-dir']);
    rmSync(join(file, '..'), { recursive: true, force: true });
  });
});
