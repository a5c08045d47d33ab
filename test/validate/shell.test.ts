/** The small shell reader behind the command rules: commands, words, pipes, redirections, here-documents. */
import fc from 'fast-check';
import { commandParts, parseScript } from '../../src/validate/shell.js';

const names = (s: string) => parseScript(s).map((c) => commandParts(c).name);

describe('parseScript', () => {
  it('splits on newlines, ;, &&, || and pipes, and knows which side of a pipe a command is on', () => {
    const cmds = parseScript('a 1; b 2 && c || d\necho x | docker login --password-stdin r');
    expect(cmds.map((c) => commandParts(c).name)).toEqual(['a', 'b', 'c', 'd', 'echo', 'docker']);
    expect(cmds[4]!.pipesTo).toBe(true);
    expect(cmds[5]!.pipedFrom).toBe(true);
  });
  it('keeps quoted words whole, with offsets into the script', () => {
    const s = 'docker login -u "$CI_DEPLOY_USER" -p "${CI_DEPLOY_PASSWORD}" r';
    const [cmd] = parseScript(s);
    const p = cmd!.words.find((w) => w.text === '${CI_DEPLOY_PASSWORD}')!;
    expect(s.slice(p.start, p.end)).toBe('"${CI_DEPLOY_PASSWORD}"');
  });
  it('skips sudo, env assignments, keywords and comments to find the command', () => {
    expect(names('sudo -E docker push x # push it\nif true; then FOO=1 env A=b npm publish; fi')).toEqual([
      'docker',
      'true',
      'npm',
      '',
    ]);
  });
  it('reads redirections and here-documents', () => {
    const [cat] = parseScript('cat <<EOF > out.env\nA=$X\nEOF\nnext');
    expect(cat!.redirects.map((r) => `${r.op} ${r.target?.text ?? ''}`)).toEqual(['<< EOF', '> out.env']);
    expect(cat!.heredocs).toEqual([expect.objectContaining({ text: 'A=$X\n', quoted: false })]);
    expect(names('cat <<EOF > out.env\nA=$X\nEOF\nnext')).toEqual(['cat', 'next']);
    const [q] = parseScript("cat <<'EOF'\n$X\nEOF\n");
    expect(q!.heredocs[0]!.quoted).toBe(true);
  });
  it('keeps $(…) and backticks inside one word', () => {
    const [c] = parseScript('export T=$(echo "$A" | base64) X=`id -u`');
    expect(commandParts(c!).args.map((w) => w.text)).toEqual(['T=$(echo "$A" | base64)', 'X=`id -u`']);
  });
  it('never throws, and every word is a slice of the script', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '"',
            "'",
            '\\',
            '$',
            '(',
            ')',
            '|',
            '&',
            ';',
            '<',
            '>',
            '\n',
            '#',
            '`',
            '{',
            '}',
            '-',
          ),
          maxLength: 60,
        }),
        (s) => {
          for (const c of parseScript(s)) {
            for (const w of c.words) {
              expect(w.start).toBeGreaterThanOrEqual(0);
              expect(w.end).toBeLessThanOrEqual(s.length);
              expect(s.slice(w.start, w.end)).toBe(w.raw);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
