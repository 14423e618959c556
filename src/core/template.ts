/**
 * Templates with blanks, filled for every finding (messages, fix titles, rewrites): each template
 * is split at its blanks once, per kind of blank, instead of a RegExp replace on every fill.
 */
const splits = new Map<RegExp, Map<string, string[]>>();

/** `template` with each blank (a match of `blank`, whose group 1 names it) replaced by `value(name)`. */
export function fillBlanks(template: string, blank: RegExp, value: (name: string) => string): string {
  let byTemplate = splits.get(blank);
  if (!byTemplate) splits.set(blank, (byTemplate = new Map()));
  let parts = byTemplate.get(template);
  if (!parts) byTemplate.set(template, (parts = template.split(blank)));
  let filled = parts[0];
  for (let i = 1; i < parts.length; i += 2) filled += value(parts[i]) + parts[i + 1];
  return filled;
}
