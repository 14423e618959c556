import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * A block of the writer's own prose. `text` has the same length as the source slice
 * `[start, end)`, with everything that is not prose (markup, code, HTML, URLs) blanked to
 * spaces, so every offset into `text` plus `start` is an offset into the document.
 */
export interface ProseBlock {
  start: number;
  end: number;
  text: string;
  /** Identifies the same block across analyses of an edited document (unchanged chunks keep it). */
  key?: object;
}

export interface ProseDoc {
  blocks: ProseBlock[];
  /** The client's words, from `>` quotes; used to see whether the reply restates the request. */
  quoted: string[];
  /** `key: value` pairs of a YAML front matter, keys lower-cased. */
  frontMatter: Record<string, string>;
}

export type DocFormat = 'markdown' | 'plaintext';

/** Made when first needed: most paragraphs are read without it, and starting it is a share of every start-up. */
let markdown: MarkdownIt | undefined;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** "On Mon, 3 May 2026, Ann wrote:", "Am 3. Mai 2026 schrieb Ann:", Outlook's separators. */
const QUOTED_REPLY_HEADER =
  /^(?:On\b.{0,200}\bwrote:|Am\b.{0,200}\bschrieb\b.{0,200}:|-{2,}\s*(?:Original Message|Ursprüngliche Nachricht)\s*-{2,})[ \t]*$/imu;
/** Ends a line (as `^` and `$` of a multiline RegExp see it). */
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Where the first signature separator, a line of "--" or "-- ", starts in `[searchFrom, searchTo)`;
 * -1 if none. Lines are counted from `from`, where the body starts. A native search for "--" and
 * a look around each.
 */
function signatureStart(text: string, from: number, searchFrom = from, searchTo = text.length): number {
  for (let at = text.indexOf('--', searchFrom); at !== -1 && at < searchTo; at = text.indexOf('--', at + 1)) {
    if (at > from && !isLineBreak(text.charCodeAt(at - 1))) continue;
    let end = at + 2;
    if (text.charCodeAt(end) === 32) end++;
    if (end === text.length || isLineBreak(text.charCodeAt(end))) return at;
  }
  return -1;
}

const QUOTE_MARKERS = ['wrote:', 'schrieb', 'Original Message', 'Ursprüngliche Nachricht'];
/** How far a quote marker or a signature line reaches: a new one overlaps the edit within this. */
const MARKER_REACH = Math.max(...QUOTE_MARKERS.map(m => m.length), 4);

/** What the last text's scan for a quoted reply or a signature found; kept while it found neither. */
interface BodyEndScan {
  text: string;
  from: number;
  /** The text contains a quote marker, or a signature line after `from`. */
  found: boolean;
}

/**
 * Cuts the document before a quoted earlier message or a signature block. When the last text had
 * neither, any in this one must overlap the stretch that changed, so only that stretch is searched.
 */
function findBodyEnd(text: string, from: number, cache?: ProseCache): number {
  const last = cache?.bodyEndScan;
  let searchFrom = 0;
  let searchTo = text.length;
  if (last && !last.found && last.from === from) {
    const shared = Math.min(last.text.length, text.length);
    const prefix = commonPrefix(last.text, text, shared);
    const suffix = commonSuffix(last.text, text, shared - prefix);
    searchFrom = Math.max(0, prefix - MARKER_REACH);
    searchTo = Math.min(text.length, text.length - suffix + MARKER_REACH);
  }
  let end = text.length;
  const stretch = searchFrom === 0 && searchTo === text.length ? text : text.slice(searchFrom, searchTo);
  const quoted = QUOTE_MARKERS.some(marker => stretch.includes(marker));
  if (quoted) {
    const m = QUOTED_REPLY_HEADER.exec(text.slice(from));
    if (m) end = from + m.index;
  }
  const signature = signatureStart(text, from, Math.max(from, searchFrom), searchTo);
  if (signature !== -1 && signature < end) end = signature;
  if (cache) cache.bodyEndScan = { text, from, found: quoted || signature !== -1 };
  return end;
}

/** `key: value` pairs of the text's YAML front matter, keys lower-cased; empty without one. */
export function frontMatterOf(text: string): Record<string, string> {
  return parseFrontMatter(text).values;
}

function parseFrontMatter(text: string): { end: number; values: Record<string, string> } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { end: 0, values: {} };
  const values: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) values[kv[1].toLowerCase()] = kv[2].replace(/^["']|["']$/g, '');
  }
  return { end: m[0].length, values };
}

/** Start offsets of every line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function blank(chars: string[], from: number, to: number): void {
  for (let i = Math.max(0, from); i < Math.min(chars.length, to); i++) {
    if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
}

/** Index of the bracket closing the one at `open`, honouring nesting and escapes; -1 if none. */
function matchingBracket(source: string, open: number, openCh: string, closeCh: string): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') { i++; continue; }
    if (ch === openCh) depth++;
    else if (ch === closeCh && --depth === 0) return i;
  }
  return -1;
}

/**
 * Blanks what the parser found not to be prose inside one paragraph or heading: block markers,
 * emphasis markers, code spans, inline HTML, link destinations, images and autolinks. Children
 * come in source order, so a cursor walks the source to find each one.
 */
function maskInline(source: string, contentLines: string[], children: Token[]): string {
  const chars = source.split('');
  // Block prefixes: anything before each content line's text on its source line.
  let lineStart = 0;
  for (const contentLine of contentLines) {
    const lineEnd = source.indexOf('\n', lineStart) === -1 ? source.length : source.indexOf('\n', lineStart);
    const line = source.slice(lineStart, lineEnd);
    const at = contentLine.trim() === '' ? line.length : line.indexOf(contentLine.trimEnd());
    const prefix = at === -1 ? 0 : at;
    blank(chars, lineStart, lineStart + prefix);
    // A heading's closing hashes and trailing spaces.
    if (at !== -1) blank(chars, lineStart + at + contentLine.trimEnd().length, lineEnd);
    lineStart = lineEnd + 1;
  }
  let cursor = 0;
  const find = (needle: string, from = cursor) => (needle ? source.indexOf(needle, from) : -1);
  for (const child of children) {
    switch (child.type) {
      case 'text': {
        const at = find(child.content);
        if (at !== -1) cursor = at + child.content.length;
        break;
      }
      case 'code_inline': {
        const open = find(child.markup);
        if (open === -1) break;
        const close = find(child.markup, open + child.markup.length + child.content.length);
        const end = close === -1 ? open + child.markup.length : close + child.markup.length;
        blank(chars, open, end);
        cursor = end;
        break;
      }
      case 'html_inline': {
        const at = find(child.content);
        if (at !== -1) { blank(chars, at, at + child.content.length); cursor = at + child.content.length; }
        break;
      }
      case 'image': {
        const open = find('![');
        if (open === -1) break;
        const close = matchingBracket(source, open + 1, '[', ']');
        let end = close + 1;
        if (source[end] === '(') end = matchingBracket(source, end, '(', ')') + 1;
        else if (source[end] === '[') end = matchingBracket(source, end, '[', ']') + 1;
        if (close !== -1 && end > 0) { blank(chars, open, end); cursor = end; }
        break;
      }
      case 'link_open': {
        if (child.markup === 'autolink') {
          const open = find('<');
          const close = open === -1 ? -1 : find('>', open);
          if (close !== -1) { blank(chars, open, close + 1); cursor = close + 1; }
        } else {
          const open = find('[');
          if (open !== -1) { blank(chars, open, open + 1); cursor = open + 1; }
        }
        break;
      }
      case 'link_close': {
        if (child.markup === 'autolink') break;
        const close = find(']');
        if (close === -1) break;
        let end = close + 1;
        if (source[end] === '(') end = matchingBracket(source, end, '(', ')') + 1;
        else if (source[end] === '[') end = matchingBracket(source, end, '[', ']') + 1;
        if (end <= close) end = close + 1;
        blank(chars, close, end);
        cursor = end;
        break;
      }
      default:
        if (child.markup && /_open$|_close$/.test(child.type)) {
          const at = find(child.markup);
          if (at !== -1) { blank(chars, at, at + child.markup.length); cursor = at + child.markup.length; }
        }
    }
  }
  return chars.join('');
}

/** The prose of one chunk of Markdown, with offsets relative to the chunk. */
function parseChunk(body: string): ChunkProse {
  return plainChunk(body) ?? parseMarkdownChunk(body);
}

/** Any character that may start or be Markdown syntax inside a line, or that the parser rewrites. */
const MARKUP = /[\\`*_~[\]<>&|\r\0]/;
/** A line the parser can only read as part of a paragraph: it opens with a letter. */
const PARAGRAPH_LINE = /^[A-Za-z\u00C0-\u024F]/;
/** An ATX heading with nothing to strip but its opening hashes ("## Reply 3"). */
const SIMPLE_HEADING = /^(#{1,6}[ \t]+)[^#\s][^#]*$/;
const BLANK = /^[ \t]*$/;

/**
 * The prose of a chunk of plain paragraphs and simple headings, found without the Markdown
 * parser: what it would find, a paragraph's lines with their trailing space blanked and a
 * heading's hashes blanked. Undefined for anything else (the parser reads it).
 */
export function plainChunk(body: string): ChunkProse | undefined {
  if (MARKUP.test(body)) return undefined;
  const out: ChunkProse = { blocks: [], quoted: [] };
  let paragraph: { start: number; end: number; lines: string[] } | undefined;
  const close = () => {
    if (paragraph) out.blocks.push({ start: paragraph.start, end: paragraph.end, text: paragraph.lines.join('\n') });
    paragraph = undefined;
  };
  for (let at = 0; at <= body.length;) {
    const newline = body.indexOf('\n', at);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(at, end);
    if (BLANK.test(line)) {
      close();
    } else if (PARAGRAPH_LINE.test(line)) {
      const trimmed = line.trimEnd();
      const masked = trimmed + ' '.repeat(line.length - trimmed.length);
      if (paragraph) { paragraph.lines.push(masked); paragraph.end = end; } else paragraph = { start: at, end, lines: [masked] };
    } else {
      const heading = SIMPLE_HEADING.exec(line);
      if (!heading) return undefined;
      close();
      const content = line.trimEnd();
      out.blocks.push({ start: at, end, text: ' '.repeat(heading[1].length) + content.slice(heading[1].length) + ' '.repeat(line.length - content.length) });
    }
    if (newline === -1) break;
    at = newline + 1;
  }
  close();
  return out;
}

/** The prose of one chunk of Markdown as the parser reads it. */
export function parseMarkdownChunk(body: string): ChunkProse {
  const out: ChunkProse = { blocks: [], quoted: [] };
  const tokens = (markdown ??= new MarkdownIt({ html: true, linkify: false })).parse(body, {});
  const starts = lineStarts(body);
  const offsetOfLine = (line: number) => (line < starts.length ? starts[line] : body.length);
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'blockquote_open') quoteDepth++;
    else if (token.type === 'blockquote_close') quoteDepth--;
    if (token.type !== 'inline' || !token.map) continue;
    const parent = tokens[i - 1]?.type;
    if (parent !== 'paragraph_open' && parent !== 'heading_open') continue;
    if (quoteDepth > 0) { out.quoted.push(token.content); continue; }
    const start = offsetOfLine(token.map[0]);
    let end = offsetOfLine(token.map[1]);
    while (end > start && (body[end - 1] === '\n' || body[end - 1] === '\r')) end--;
    const source = body.slice(start, end).replace(/\r/g, '\n');
    const masked = maskInline(source, token.content.split('\n'), token.children ?? []);
    out.blocks.push({ start, end, text: masked });
  }
  return out;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK_LINE = /^[ \t]*\r?$/;

/**
 * Where the Markdown may be cut into independently parsed chunks: at a blank line followed by an
 * unindented line, outside fenced code and HTML comments (which may hold blank lines). The parser
 * still reads every chunk; cutting only lets unchanged chunks be reused while the writer types.
 *
 * Scans from `from`, which must be such a cut (or 0), and stops early at a cut `stopAt` accepts.
 */
function chunkStarts(body: string, from = 0, stopAt?: (at: number) => boolean): { starts: number[]; stoppedAt?: number } {
  const starts = [from];
  let fence = '';
  let inComment = false;
  let previousBlank = false;
  for (let at = from; at <= body.length;) {
    const newline = body.indexOf('\n', at);
    const lineEnd = newline === -1 ? body.length : newline;
    const line = body.slice(at, lineEnd);
    const blank = BLANK_LINE.test(line);
    const first = line.charCodeAt(0);
    if (!fence && !inComment && previousBlank && !blank && first !== 32 && first !== 9) {
      starts.push(at);
      if (stopAt?.(at)) return { starts, stoppedAt: at };
    }
    const f = first === 32 || first === 96 || first === 126 ? FENCE.exec(line) : null;
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = '';
    } else if (f) {
      fence = f[1];
    } else if (inComment) {
      inComment = !line.includes('-->');
    } else if (line.includes('<!--')) {
      inComment = line.lastIndexOf('<!--') > line.lastIndexOf('-->');
    }
    previousBlank = blank;
    if (newline === -1) break;
    at = newline + 1;
  }
  return { starts };
}

interface ChunkProse {
  blocks: ProseBlock[];
  quoted: string[];
  /** The blocks in document offsets, as last placed: handed on while the chunk does not move. */
  placed?: { offset: number; blocks: ProseBlock[] };
}

/** The last Markdown body analysed and its chunks, to reuse by position while the writer types. */
interface ChunkedBody {
  body: string;
  starts: number[];
  parsed: ChunkProse[];
}

/** Parsed chunks kept from one analysis to the next: by position in the last body, and by text. */
export interface ProseCache {
  byText: Map<string, ChunkProse>;
  /** Makes a string the cache holds on to: `ownCopy` where the cache outlives the versions of a document. */
  keep: (text: string) => string;
  last?: ChunkedBody;
  bodyEndScan?: BodyEndScan;
}

/** How many leading characters two texts share; compared a window at a time, natively. */
function commonPrefix(a: string, b: string, limit: number): number {
  const WINDOW = 4096;
  let at = 0;
  while (at + WINDOW <= limit && a.slice(at, at + WINDOW) === b.slice(at, at + WINDOW)) at += WINDOW;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many trailing characters two texts share, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  const WINDOW = 4096;
  let n = 0;
  while (n + WINDOW <= limit && a.slice(a.length - n - WINDOW, a.length - n) === b.slice(b.length - n - WINDOW, b.length - n)) n += WINDOW;
  while (n < limit && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** The index of `value` in an ascending list, or -1. */
function indexIn(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/**
 * The body's chunk starts, with the parsed chunks of the last body that are still valid (the
 * others undefined): chunks before the edit in place, chunks after it shifted. Only the stretch
 * between them is scanned for cuts.
 */
function planChunks(body: string, last: ChunkedBody | undefined): { starts: number[]; reused: Array<ChunkProse | undefined> } {
  if (!last) {
    const starts = chunkStarts(body).starts;
    return { starts, reused: starts.map(() => undefined) };
  }
  const old = last.starts;
  const oldLength = last.body.length;
  const prefix = commonPrefix(last.body, body, Math.min(oldLength, body.length));
  const suffix = commonSuffix(last.body, body, Math.min(oldLength, body.length) - prefix);
  if (prefix === oldLength && oldLength === body.length) return { starts: [...old], reused: [...last.parsed] };
  // Chunks that end within the common prefix are unchanged; the last of them starts at a certain
  // cut (its first line and all before it are unchanged), so the scan starts there.
  let leading = 0;
  while (leading < old.length && (leading + 1 < old.length ? old[leading + 1] : oldLength) <= prefix) leading++;
  const rescanFrom = leading === 0 ? 0 : old[leading - 1];
  const keep = Math.max(0, leading - 1);
  const starts = old.slice(0, keep);
  const reused: Array<ChunkProse | undefined> = last.parsed.slice(0, keep);
  // Chunks that start within the common suffix are unchanged, shifted; the scan may stop at one.
  const shift = body.length - oldLength;
  const suffixFrom = oldLength - suffix;
  const resumable = (at: number) => at - shift >= suffixFrom && at > rescanFrom && indexIn(old, at - shift) !== -1;
  const scan = chunkStarts(body, rescanFrom, resumable);
  for (const start of scan.starts) { starts.push(start); reused.push(undefined); }
  if (scan.stoppedAt !== undefined) {
    const resume = indexIn(old, scan.stoppedAt - shift);
    reused[reused.length - 1] = last.parsed[resume];
    for (let i = resume + 1; i < old.length; i++) { starts.push(old[i] + shift); reused.push(last.parsed[i]); }
  }
  return { starts, reused };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 cuts substrings as
 * views of their parent, so a cached slice would keep every old version of a document alive.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Short drafts parse faster in one go; chunks pay off where re-parsing everything would not. */
const CHUNKED_FROM = 16_000;

function markdownBlocks(text: string, from: number, to: number, doc: ProseDoc, cache: ProseCache): void {
  const body = text.slice(from, to);
  // Only a body that was cut into chunks lends its chunks by position.
  const last = cache.last && cache.last.body.length > CHUNKED_FROM ? cache.last : undefined;
  const { starts, reused } = body.length > CHUNKED_FROM ? planChunks(body, last) : { starts: [0], reused: [undefined] };
  const parsed = starts.map((start, i) => {
    if (reused[i]) return reused[i];
    const chunk = body.slice(start, i + 1 < starts.length ? starts[i + 1] : body.length);
    let fresh = cache.byText.get(chunk);
    if (!fresh) {
      const own = cache.keep(chunk);
      cache.byText.set(own, (fresh = parseChunk(own)));
    }
    return fresh;
  });
  parsed.forEach((chunk, i) => {
    const offset = from + starts[i];
    if (chunk.placed?.offset !== offset) {
      // The chunk's own block objects travel along as `key`, so per-block results can be reused.
      chunk.placed = { offset, blocks: chunk.blocks.map(b => ({ start: offset + b.start, end: offset + b.end, text: b.text, key: b })) };
    }
    for (const b of chunk.placed.blocks) doc.blocks.push(b);
    for (const q of chunk.quoted) doc.quoted.push(q);
  });
  cache.last = { body, starts, parsed };
  // Chunks typed over pile up by text; start afresh from the current ones now and then.
  if (cache.byText.size > 2 * starts.length + 64) {
    cache.byText = new Map(starts.map((start, i) => [cache.keep(body.slice(start, i + 1 < starts.length ? starts[i + 1] : body.length)), parsed[i]]));
  }
}

/** Plain text: blank-line separated paragraphs; `>` lines are the client's quoted words. */
function plaintextBlocks(text: string, from: number, to: number, doc: ProseDoc): void {
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = from;
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart !== -1) doc.blocks.push({ start: blockStart, end: blockEnd, text: text.slice(blockStart, blockEnd).replace(/\r/g, '\n') });
    blockStart = -1;
  };
  while (re.lastIndex < to) {
    const lineStart = re.lastIndex;
    const m = re.exec(text);
    if (!m || m[0] === '') break;
    const line = m[0].replace(/[\r\n]+$/, '');
    const lineEnd = Math.min(lineStart + line.length, to);
    if (/^\s*>/.test(line)) { flush(); doc.quoted.push(line.replace(/^\s*>+\s?/, '')); continue; }
    if (line.trim() === '') { flush(); continue; }
    if (blockStart === -1) blockStart = lineStart;
    blockEnd = lineEnd;
  }
  flush();
}

/**
 * Finds the writer's prose in a Markdown or plain-text draft. With a cache (from the previous
 * call on the same document), unchanged chunks are not parsed again; the cache is updated.
 */
export function extractProse(text: string, format: DocFormat = 'markdown', cache: ProseCache = { byText: new Map(), keep: t => t }): ProseDoc {
  const front = format === 'markdown' ? parseFrontMatter(text) : { end: 0, values: {} };
  const bodyEnd = findBodyEnd(text, front.end, cache);
  const doc: ProseDoc = { blocks: [], quoted: [], frontMatter: front.values };
  if (format === 'markdown') markdownBlocks(text, front.end, bodyEnd, doc, cache);
  else plaintextBlocks(text, front.end, bodyEnd, doc);
  return doc;
}
