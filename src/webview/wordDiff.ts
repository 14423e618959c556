/**
 * Word-level differences between a sentence and its rewrite, for the review panel: only what
 * changes is struck through or added, so an inserted sentence reads as an insertion. Pure.
 */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many words on either side the rewrite is shown whole (the table grows with the product). */
const MAX_WORDS = 400;

const tokens = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) return merge([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  // Longest common subsequence, filled from the end so the walk below goes forward.
  const width = b.length + 1;
  const common = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1] + 1 : Math.max(common[(i + 1) * width + j], common[i * width + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i++] });
      j++;
    } else if (j < b.length && (i === a.length || common[i * width + j + 1] >= common[(i + 1) * width + j])) {
      parts.push({ kind: 'added', text: b[j++] });
    } else {
      parts.push({ kind: 'removed', text: a[i++] });
    }
  }
  return merge(foldSpaces(parts));
}

/** A lone space between two changes belongs to the change: “a b” → “c d” is one edit, not two. */
function foldSpaces(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  parts.forEach((p, k) => {
    const changedAround = k > 0 && k < parts.length - 1 && parts[k - 1].kind !== 'same' && parts[k + 1].kind !== 'same';
    if (p.kind === 'same' && /^\s+$/.test(p.text) && changedAround) out.push({ kind: 'removed', text: p.text }, { kind: 'added', text: p.text });
    else out.push(p);
  });
  return out;
}

/** Adjacent parts of a kind joined; within a change, what is removed before what is added. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  for (const p of parts) {
    if (p.kind === 'removed') removed += p.text;
    else if (p.kind === 'added') added += p.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') last.text += p.text;
      else out.push({ ...p });
    }
  }
  flush();
  return out;
}
