/** GitLab-style globs (artifacts:paths, include: local): `*` within a path segment, `**` across segments. */
export function globRegex(glob: string, opts: { coversChildren?: boolean } = {}): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') {
        re = `${re.slice(0, -2)}(?:.*/)?`;
        i++;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // An artifact path that names a directory uploads everything under it.
  return new RegExp(opts.coversChildren ? `^${re.replace(/\/$/, '')}(/.*)?$` : `^${re}$`);
}
