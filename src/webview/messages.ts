/** Messages between the review panel's script and the extension: a typed union, checked on receipt. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'apply'; version: number; finding: number; fix: number }
  | { type: 'applyAll'; version: number }
  | { type: 'goto'; finding: number };

export type ToWebview = { type: 'render'; html: string; version: number; uri: string };

const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function parseFromWebview(data: unknown): FromWebview | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready': return { type: 'ready' };
    case 'apply':
      return isIndex(m.version) && isIndex(m.finding) && isIndex(m.fix) ? { type: 'apply', version: m.version, finding: m.finding, fix: m.fix } : undefined;
    case 'applyAll': return isIndex(m.version) ? { type: 'applyAll', version: m.version } : undefined;
    case 'goto': return isIndex(m.finding) ? { type: 'goto', finding: m.finding } : undefined;
    default: return undefined;
  }
}
