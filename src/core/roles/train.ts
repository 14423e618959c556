/**
 * Training for the sentence-role model: one-vs-rest logistic regression by AdaGrad over hashed
 * features, deterministic for a given bank (fixed seed, fixed order), grouped cross-validation,
 * per-role thresholds from out-of-fold predictions, and the four-bit encoding that `weights.ts`
 * holds. Pure: the trainer command (`src/cli/train.ts`) does the file work.
 */
import { seededRandom } from '../random';
import type { Lang } from '../types';
import { HASH_BITS, roleFeatures } from './features';
import { ROLES, type Role, type SerializedRoleModel, toBase64 } from './model';

export interface BankSentence {
  text: string;
  roles: Role[];
  lang: Lang;
  field: string;
  style: string;
  register: string;
}

interface Example {
  features: number[];
  labels: Uint8Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
  /** A feature seen in fewer sentences than this gets no weight: it would only memorise them. */
  minCount: number;
  seed: number;
}

const TRAIN_OPTIONS: TrainOptions = { epochs: 20, learningRate: 0.25, l2: 1e-2, minCount: 3, seed: 20261127 };

const WIDTH = ROLES.length;

export interface TrainedRoles {
  weights: Float64Array;
  bias: Float64Array;
}

function toExample(s: BankSentence): Example {
  const labels = new Uint8Array(WIDTH);
  for (const role of s.roles) labels[ROLES.indexOf(role)] = 1;
  return { features: roleFeatures(s.text), labels };
}

export function train(sentences: readonly BankSentence[], options: TrainOptions = TRAIN_OPTIONS): TrainedRoles {
  const examples = sentences.map(toExample);
  const seen = new Map<number, number>();
  for (const e of examples) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  for (const e of examples) e.features = e.features.filter(f => (seen.get(f) ?? 0) >= options.minCount);
  const size = (1 << HASH_BITS) * WIDTH;
  const weights = new Float64Array(size);
  const squared = new Float64Array(size);
  const bias = new Float64Array(WIDTH);
  const biasSquared = new Float64Array(WIDTH);
  const next = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(WIDTH);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const { features, labels } = examples[index];
      z.set(bias);
      for (const f of features) for (let r = 0; r < WIDTH; r++) z[r] += weights[f * WIDTH + r];
      for (let r = 0; r < WIDTH; r++) {
        const gradient = 1 / (1 + Math.exp(-z[r])) - labels[r];
        biasSquared[r] += gradient * gradient;
        bias[r] -= (options.learningRate * gradient) / Math.sqrt(biasSquared[r] + 1e-8);
        for (const f of features) {
          const k = f * WIDTH + r;
          const g = gradient + options.l2 * weights[k];
          squared[k] += g * g;
          weights[k] -= (options.learningRate * g) / Math.sqrt(squared[k] + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

/** Role probabilities of a trained (unquantised) model, for cross-validation. */
export function predict(model: TrainedRoles, text: string): Float64Array {
  const z = Float64Array.from(model.bias);
  for (const f of roleFeatures(text)) for (let r = 0; r < WIDTH; r++) z[r] += model.weights[f * WIDTH + r];
  return z.map(v => 1 / (1 + Math.exp(-v)));
}

/** Out-of-fold probabilities: each group is predicted by a model trained on all other groups. */
function crossValidate(sentences: readonly BankSentence[], groupOf: (s: BankSentence) => string,
  options: TrainOptions = TRAIN_OPTIONS): Float64Array[] {
  const out: Float64Array[] = new Array(sentences.length);
  const groups = [...new Set(sentences.map(groupOf))].sort();
  for (const group of groups) {
    const model = train(sentences.filter(s => groupOf(s) !== group), options);
    sentences.forEach((s, i) => { if (groupOf(s) === group) out[i] = predict(model, s.text); });
  }
  return out;
}

export interface RoleFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function figures(sentences: readonly BankSentence[], scores: readonly Float64Array[], role: Role, threshold: number): RoleFigures {
  const r = ROLES.indexOf(role);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  sentences.forEach((s, i) => {
    const truth = s.roles.includes(role);
    const said = scores[i][r] >= threshold;
    if (truth && said) tp++;
    else if (said) fp++;
    else if (truth) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/** The threshold with the best out-of-fold F1, on a grid of 0.05 steps. */
function bestThreshold(sentences: readonly BankSentence[], scores: readonly Float64Array[], role: Role): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.15; t <= 0.851; t += 0.05) {
    const { f1 } = figures(sentences, scores, role, t);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

/**
 * Out-of-fold precision the model needs before it may add a principle the rules did not find.
 * Per role, the most recall at which no principle's accuracy on the labeled dev drafts falls
 * below the rules' own (the regression guard in test/unit/roles.test.ts); see docs/roles.md.
 */
export const CONFIDENT_PRECISION: Record<Role, number> = {
  acknowledge: 0.85, empathy: 0.85, reason: 0.85, alternative: 0.95, clarify: 0.85,
  'closing-question': 0.85, refusal: 0.85, 'vague-promise': 0.85, other: 0.85,
};

/**
 * The lowest threshold at which the role's out-of-fold precision reaches `precision`: where the
 * model may add to rules that are already precise, it must be as sure as they are.
 */
function confidentThreshold(sentences: readonly BankSentence[], scores: readonly Float64Array[], role: Role, precision: number): number {
  for (let step = 50; step <= 99; step++) {
    if (figures(sentences, scores, role, step / 100).precision >= precision) return step / 100;
  }
  return 0.99;
}

const round = (v: number) => Number(v.toPrecision(6));

/** Weights are stored in four bits: -7…7 steps of one scale per role (measured: no loss in F1 against int8). */
const LEVELS = 7;

/** Four-bit weights with one scale per role; a feature whose weights all round to zero is left out. */
export function encode(model: TrainedRoles, thresholds: readonly number[], confident: readonly number[]): SerializedRoleModel {
  const scale = ROLES.map((_, r) => {
    let max = 0;
    for (let k = r; k < model.weights.length; k += WIDTH) max = Math.max(max, Math.abs(model.weights[k]));
    return round(max / LEVELS || 1);
  });
  const ids: number[] = [];
  const steps: number[] = [];
  for (let f = 0; f < model.weights.length / WIDTH; f++) {
    const row = ROLES.map((_, r) => Math.round(model.weights[f * WIDTH + r] / scale[r]));
    if (row.every(q => q === 0)) continue;
    ids.push(f);
    steps.push(...row);
  }
  const deltas: number[] = [];
  let last = 0;
  for (const id of ids) {
    let delta = id - last;
    last = id;
    while (delta >= 0x80) {
      deltas.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    deltas.push(delta);
  }
  // Two weights a byte, low nibble first, each as step + 8.
  const packed = new Uint8Array(Math.ceil(steps.length / 2));
  steps.forEach((q, i) => { packed[i >> 1] |= (q + 8) << ((i & 1) * 4); });
  return {
    bias: Array.from(model.bias, round),
    scale,
    threshold: [...thresholds],
    confident: [...confident],
    ids: toBase64(Uint8Array.from(deltas)),
    weights: toBase64(packed),
  };
}

/** FNV-1a over the bank's files, in name order: what the weights were trained from. */
export function bankHash(files: ReadonlyArray<[name: string, content: string]>): string {
  let h = 0x811c9dc5;
  for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const text of [name, content]) {
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const STYLES = new Set(['terse', 'support', 'agency', 'advice', 'casual', 'formal']);
const REGISTERS = new Set(['sie', 'du', 'us', 'uk', 'neutral']);

/** Bank files are `<lang>/<field>.jsonl`; a malformed or repeated line throws, naming file and line. */
export function parseBank(files: ReadonlyArray<[name: string, content: string]>): BankSentence[] {
  const out: BankSentence[] = [];
  const seen = new Map<string, string>();
  for (const [name, content] of files) {
    const m = /^(de|en)\/([a-z-]+)\.jsonl$/.exec(name);
    if (!m) throw new Error(`${name}: bank files are <de|en>/<field>.jsonl`);
    content.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${name}:${i + 1}`;
      let row: { text?: unknown; roles?: unknown; style?: unknown; register?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${where}: not JSON`);
      }
      const roles = row.roles as Role[];
      if (typeof row.text !== 'string' || !row.text.trim()) throw new Error(`${where}: "text" must be a sentence`);
      if (!Array.isArray(roles) || !roles.length || roles.some(r => !ROLES.includes(r)) || new Set(roles).size !== roles.length
        || (roles.includes('other') && roles.length > 1)) throw new Error(`${where}: "roles" must be distinct roles of ${ROLES.join(', ')}; "other" alone`);
      if (!STYLES.has(row.style as string)) throw new Error(`${where}: "style" must be one of ${[...STYLES].join(', ')}`);
      if (!REGISTERS.has(row.register as string)) throw new Error(`${where}: "register" must be one of ${[...REGISTERS].join(', ')}`);
      const key = `${m[1]} ${row.text.trim().toLowerCase()}`;
      const first = seen.get(key);
      if (first) throw new Error(`${where}: the same sentence stands at ${first}`);
      seen.set(key, where);
      out.push({ text: row.text, roles, lang: m[1] as Lang, field: m[2], style: row.style as string, register: row.register as string });
    });
  }
  return out;
}

export interface LanguageReport {
  lang: Lang;
  sentences: number;
  /** Cross-validated per role, thresholds from the field-grouped folds. */
  byField: Record<Role, RoleFigures>;
  byStyle: Record<Role, RoleFigures>;
  thresholds: Record<Role, number>;
  confident: Record<Role, number>;
}

export interface BuiltRoleModels {
  models: Record<Lang, SerializedRoleModel>;
  reports: LanguageReport[];
}

/** Everything `npm run train` computes: per language, grouped cross-validation, thresholds, weights. */
export function buildRoleModels(bank: readonly BankSentence[], options: TrainOptions = TRAIN_OPTIONS): BuiltRoleModels {
  const models = {} as Record<Lang, SerializedRoleModel>;
  const reports: LanguageReport[] = [];
  for (const lang of ['en', 'de'] as const) {
    const sentences = bank.filter(s => s.lang === lang);
    const byFieldScores = crossValidate(sentences, s => s.field, options);
    const byStyleScores = crossValidate(sentences, s => s.style, options);
    const thresholds = {} as Record<Role, number>;
    const confident = {} as Record<Role, number>;
    const byField = {} as Record<Role, RoleFigures>;
    const byStyle = {} as Record<Role, RoleFigures>;
    for (const role of ROLES) {
      thresholds[role] = bestThreshold(sentences, byFieldScores, role);
      confident[role] = confidentThreshold(sentences, byFieldScores, role, CONFIDENT_PRECISION[role]);
      byField[role] = figures(sentences, byFieldScores, role, thresholds[role]);
      byStyle[role] = figures(sentences, byStyleScores, role, thresholds[role]);
    }
    models[lang] = encode(train(sentences, options), ROLES.map(r => thresholds[r]), ROLES.map(r => confident[r]));
    reports.push({ lang, sentences: sentences.length, byField, byStyle, thresholds, confident });
  }
  return { models, reports };
}
