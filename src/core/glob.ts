/**
 * Glob patterns as settings write them (`**` any folders, `*` and `?` within a name, `{a,b}`,
 * `[abc]`), matched against a path with forward slashes. For the shells without VS Code's matcher.
 */
const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders, none included; a trailing `**` is anything below.
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { braces++; re += '(?:'; }
    else if (c === '}' && braces > 0) { braces--; re += ')'; }
    else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) { re += '\\['; continue; }
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = close;
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether `path` (or, for a pattern without a leading `**`, the path below one of `roots`) matches. */
export function matchesGlob(pattern: string, path: string, roots: readonly string[] = []): boolean {
  let re = cache.get(pattern);
  if (!re) cache.set(pattern, (re = toRegExp(pattern.replace(/\\/g, '/'))));
  const normal = path.replace(/\\/g, '/');
  if (re.test(normal)) return true;
  return roots.some(root => {
    const base = root.replace(/\\/g, '/').replace(/\/$/, '');
    return normal.startsWith(`${base}/`) && (re as RegExp).test(normal.slice(base.length + 1));
  });
}
