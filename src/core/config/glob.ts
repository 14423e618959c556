/**
 * Glob patterns as VS Code reads them in include/exclude, matched against a "/"-separated path
 * relative to the folder the pattern belongs to: `**` any number of folders, `*` and `?` within
 * one name, `{a,b}` alternatives, `[abc]` a character class.
 */
const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches no folder or any; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '{') { braces++; out += '(?:'; }
    else if (c === '}' && braces > 0) { braces--; out += ')'; }
    else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) { out += '\\['; continue; }
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = close;
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Whether `relativePath` ("/"-separated, no leading "./") matches the glob. */
export function matchesGlob(relativePath: string, glob: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    try { re = toRegExp(glob.replace(/^\.\//, '')); } catch { re = /$^/; }
    cache.set(glob, re);
  }
  return re.test(relativePath);
}

export const matchesAnyGlob = (relativePath: string, globs: readonly string[]): boolean => globs.some(g => matchesGlob(relativePath, g));
