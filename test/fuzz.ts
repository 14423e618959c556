// A seeded generator of hostile drafts and the invariants the engine must keep on every one of
// them. Used by the unit tests (a few thousand drafts) and by `npm run bench -- --fuzz N`.
import { type Analysis, analyze, applyFixes, fixAllText, isValidFinding } from '../src/core';
import { seededRandom } from '../src/core/random';

const rng = (seed: number) => seededRandom(seed + 0x9e3779b9);

const SENTENCES = [
  'Unfortunately, I can’t take on the redesign this month.', 'Leider kann ich das nicht übernehmen.', 'Kein Problem, ich melde mich zeitnah.',
  'I’ll get back to you ASAP, maybe next week.', 'Thanks for asking about the shop launch.', 'Ich verstehe Ihren Standpunkt.',
  'What I can offer instead is a smaller scope by Friday.', 'Welche Seiten sind Ihnen am wichtigsten?', 'No, sorry.', 'Nein!',
  'Vielleicht klappt es irgendwann.', 'I never do that, as I already said.', 'Wir geben unser Bestes, versprochen.',
  // Markup inside the span of a softener's rewrite.
  'Unfortunately `npm run deploy --prod`, we are booked.', 'Leider <!-- note --> kann ich das nicht.', 'Unfortunately <https://example.com>, no.',
];
const NOISE = [
  '👩‍💻', '🎉', '\u{1F600}', 'e\u0301', 'a\u0308\u0323', '\r\n', '\r', '\n', '\n\n', '\u0000', '\u0007', '\u200B', '\u202E',
  'مرحبا بك', 'שלום', '```', '```js\n', '~~~', '<div>', '<!--', '-->', '</script>', '<img src=x onerror=alert(1)>', '> ', '>> ',
  '- ', '1. ', '    ', '# ', '**', '_', '`', '[link](', '](http://x)', '\\', '${1:x}', '$', '}', '|', '---\n', 'On Mon, Ann wrote:\n', '-- \n',
  '<!-- decline-coach-disable -->', '<!-- decline-coach-disable-next-line negative-phrasing -->', '\uD83D', '\uDE00',
  // Markup a rewrite's span may reach into: fix-all must leave it where it is.
  '`npm run deploy --prod`', '<!-- note -->', '<https://example.com>', '[the docs](https://example.com/a_b)', '![](data:image/png;base64,AAAA)',
];

/** Characters that only markup brings into a draft; fixing prose never adds or removes one. */
const MARKUP_CHARS = /[`<>[\]]/g;
const markupOf = (text: string) => (text.match(MARKUP_CHARS) ?? []).sort().join('');

/** One hostile draft, fully determined by `seed`. */
export function fuzzDraft(seed: number): string {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  let text = '';
  const pieces = 1 + Math.floor(r() * 30);
  for (let i = 0; i < pieces; i++) {
    const roll = r();
    if (roll < 0.45) text += `${pick(SENTENCES)} `;
    else if (roll < 0.9) text += pick(NOISE);
    else if (roll < 0.95) text += pick(['> ', '- ', '  ']).repeat(1 + Math.floor(r() * 300)) + pick(SENTENCES);
    else text += String.fromCharCode(Math.floor(r() * 0xffff));
  }
  // Mutations: cut, duplicate or swap slices anywhere, even inside a surrogate pair.
  const mutations = Math.floor(r() * 4);
  for (let i = 0; i < mutations && text.length > 2; i++) {
    const a = Math.floor(r() * text.length);
    const b = a + Math.floor(r() * Math.min(40, text.length - a));
    const roll = r();
    if (roll < 0.33) text = text.slice(0, a) + text.slice(b);
    else if (roll < 0.66) text = text.slice(0, b) + text.slice(a, b) + text.slice(b);
    else text = text.slice(b) + text.slice(0, a);
  }
  return text;
}

/**
 * Undefined when the engine behaves on `text`, else what went wrong. `judge` is the engine as
 * shipped (its own invariant check throws); the output is checked again here, unfiltered.
 */
export function checkInvariants(text: string, judge: (text: string) => Analysis = analyze): string | undefined {
  try {
    const result = judge(text);
    for (const f of result.findings) {
      if (!isValidFinding(text, f)) return `invalid range or edit in ${f.ruleId} ${JSON.stringify([f.start, f.end])}`;
      for (const fix of f.fixes) {
        const applied = applyFixes(text, [fix]);
        if (applied.applied.length !== 1) return `fix “${fix.title}” of ${f.ruleId} does not apply`;
      }
    }
    const once = fixAllText(text, judge);
    if (markupOf(once.text) !== markupOf(text)) return `fix-all changed markup: ${JSON.stringify(once.text.slice(0, 200))}`;
    const twice = fixAllText(once.text, judge);
    if (twice.text !== once.text) return `fixing twice differs from fixing once: ${JSON.stringify(once.text.slice(0, 200))}`;
    return undefined;
  } catch (e) {
    return `threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
  }
}
