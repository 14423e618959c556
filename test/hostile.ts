// Generators of hostile inputs that once made the engine super-linear, each a document of about
// `size` characters. The unit suite compares n with 4n; `npm run bench -- --hostile` times them.
import { analyze, applyFixes, type Fix, fixAllText } from '../src/core';

export interface HostileFamily {
  name: string;
  make: (size: number) => string;
  /** The work to time on the generated text. */
  run: (text: string) => unknown;
}

const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const judge = (text: string) => analyze(text);

/** A fix for every other word of a text made of "word " repeated, made once per text. */
const fixesOf = new Map<string, Fix[]>();
function everyOtherWordFixed(text: string): Fix[] {
  let fixes = fixesOf.get(text);
  if (!fixes) {
    fixes = [];
    for (let at = 0; at + 4 <= text.length; at += 10) fixes.push({ title: 'x', preferred: true, snippet: false, edits: [{ start: at, end: at + 4, newText: 'WORD' }] });
    fixesOf.set(text, fixes);
  }
  return fixes;
}

export const HOSTILE_FAMILIES: readonly HostileFamily[] = [
  { name: 'unclosed directive comment', make: size => `Hi Ann,\n\n<!-- decline-coach-disable${' '.repeat(size)}`, run: judge },
  {
    // Markup is blanked to spaces: a long code span is a long whitespace run before a sentence start.
    name: 'long code span', make: size => `Hi Ann,\n\nThanks. \`${fill('x', size)}\` no, not now.\n`, run: judge,
  },
  { name: 'pasted base64 image', make: size => `Hi Ann,\n\nDone. ![chart](data:image/png;base64,${fill('iVBORw0KGgo+/', size)}) No, not now.\n`, run: judge },
  { name: 'hyphen-joined word', make: size => `---\nlang: de\n---\nHallo Jan,\n\nLeider ${fill('a-', size)}a ich das nicht gern.\n`, run: judge },
  { name: 'apostrophe-joined word', make: size => `---\nlang: de\n---\nHallo Jan,\n\nLeider ${fill('a\'', size)}a ich das nicht gern.\n`, run: judge },
  // Every phrase of a sentence looks at the sentence around it: one sentence that never ends, full of phrases.
  { name: 'one endless sentence of phrases', make: size => `Hi Ann,\n\n${fill("can't, unfortunately ", size)}\n`, run: judge },
  { name: 'comment openers, no directive', make: size => `Hi Ann,\n\nNo, not now. ${fill('<!--   x ', size)}\n`, run: judge },
  { name: 'findings × directives', make: size => `Hi Ann,\n\n${fill('Unfortunately, no.\n<!-- decline-coach-disable-next-line -->\n\n', size)}`, run: judge },
  { name: 'thousands of fixes at once', make: size => fill('word ', size), run: text => applyFixes(text, everyOtherWordFixed(text)) },
  { name: 'fix-all on many findings', make: size => `Hallo Jan,\n\n${fill('Leider sind wir ausgebucht. ', size)}\n`, run: text => fixAllText(text, judge) },
];
