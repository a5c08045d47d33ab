/**
 * Independent readers of what the writers produce, as the real consumers read it: the Actions
 * runner's GITHUB_ENV file command (`NAME<<DELIM` … `DELIM`, or `NAME=value`), and GitLab's dotenv
 * parser (lib/gitlab/ci/parsers/dotenv_variable.rb: `/^(.*)=(.*)$/`, both sides stripped, key
 * `[A-Za-z0-9_]`).
 */
export function parseGithubFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const h = /^([^=<]+)<<(.+)$/.exec(line);
    if (h) {
      const [, name, delim] = h;
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) body.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name}`);
      out[name!] = body.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`bad line: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export function parseGitlabDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '') return out;
  for (const raw of text.split(/(?<=\n)/)) {
    const line = raw.replace(/\n$/, '');
    const m = /^(.*)=(.*)$/.exec(line);
    if (!m) throw new Error('Invalid Format');
    const key = m[1]!.trim();
    const value = m[2]!.trim();
    if (!/^[a-zA-Z0-9_]+$/.test(key)) throw new Error(`invalid key ${key}`);
    out[key] = value;
  }
  return out;
}
