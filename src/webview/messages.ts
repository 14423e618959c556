/** Messages between the review panel's script and the extension: a typed union, checked on receipt. */
/** Every action names the document and version the panel showed, so it never lands on another one. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'apply'; uri: string; version: number; finding: number; fix: number }
  | { type: 'applyAll'; uri: string; version: number }
  | { type: 'goto'; uri: string; version: number; finding: number }
  | { type: 'rewrite'; uri: string; version: number }
  | { type: 'rewriteAi'; uri: string };

export type ToWebview = { type: 'render'; html: string; version: number; uri: string };

const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isUri = (v: unknown): v is string => typeof v === 'string' && v !== '';

export function parseFromWebview(data: unknown): FromWebview | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready': return { type: 'ready' };
    case 'apply':
      return isUri(m.uri) && isIndex(m.version) && isIndex(m.finding) && isIndex(m.fix)
        ? { type: 'apply', uri: m.uri, version: m.version, finding: m.finding, fix: m.fix } : undefined;
    case 'applyAll': return isUri(m.uri) && isIndex(m.version) ? { type: 'applyAll', uri: m.uri, version: m.version } : undefined;
    case 'rewrite': return isUri(m.uri) && isIndex(m.version) ? { type: 'rewrite', uri: m.uri, version: m.version } : undefined;
    case 'goto':
      return isUri(m.uri) && isIndex(m.version) && isIndex(m.finding) ? { type: 'goto', uri: m.uri, version: m.version, finding: m.finding } : undefined;
    case 'rewriteAi': return isUri(m.uri) ? { type: 'rewriteAi', uri: m.uri } : undefined;
    default: return undefined;
  }
}
