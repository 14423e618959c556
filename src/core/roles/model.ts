/**
 * Stage "roles", part 2: the trained sentence-role model. One-vs-rest logistic regression per
 * language over the hashed features of `features.ts`; the weights come from `weights.ts`, which
 * `npm run train` writes from the labeled bank in `data/roles/`. Each role has its own decision
 * threshold, chosen by cross-validation on the bank.
 */
import type { Lang } from '../types';
import { HASH_BITS, roleFeatureIds } from './features';
import { ROLE_WEIGHTS } from './weights';

export const ROLES = [
  'acknowledge', 'empathy', 'reason', 'alternative', 'clarify', 'closing-question', 'refusal', 'vague-promise', 'other',
] as const;
export type Role = (typeof ROLES)[number];
export type RoleScores = Record<Role, number>;

/** A language's model as `npm run train` writes it: four-bit weights for the features it kept. */
export interface SerializedRoleModel {
  /** Per role, in ROLES order. */
  bias: number[];
  /** Weight = step (-7…7) × scale of its role. */
  scale: number[];
  threshold: number[];
  /** Higher thresholds at which the role's cross-validated precision reaches CONFIDENT_PRECISION: where the model adds to the rules. */
  confident: number[];
  /** Base64 of the kept feature ids, ascending, as LEB128 deltas. */
  ids: string;
  /** Base64 of the steps + 8, two a byte (low nibble first), one row of ROLES.length per kept id. */
  weights: string;
}

export interface SerializedRoleModels {
  /** Hash of the bank the weights were trained from; a test compares it. */
  bankHash: string;
  languages: Record<Lang, SerializedRoleModel>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

/** Each Base64 digit's value by its character code. */
const B64_VALUE = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

export function fromBase64(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = 0; i < length; i++) {
    // Only the low bits are read: the accumulator never needs more than 14.
    acc = ((acc << 6) | B64_VALUE[text.charCodeAt(i)]) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Scratch logits, reused by every call: scoring is synchronous and a sentence allocates no arrays. */
const BEST = new Float64Array(ROLES.length);
const CLAUSE = new Float64Array(ROLES.length);

export class RoleModel {
  /**
   * Row of each hashed feature's weights plus one, 0 for a feature without weight: a flat table,
   * no map lookups, in 16 bits while the rows fit (half the memory a sentence's lookups touch).
   */
  private readonly rows: Uint16Array | Uint32Array;
  /** Each weight's step (-7…7), ROLES.length a row; a weight is its step × its role's scale. */
  private readonly steps: Int8Array;
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  /** Per row, the `logits` call that last added it: a text's repeated features count once, and nothing is cleared between calls. */
  private readonly seen: Int32Array;
  private call = 0;

  constructor(private readonly model: SerializedRoleModel) {
    const ids = fromBase64(model.ids);
    const packed = fromBase64(model.weights);
    this.scale = Float64Array.from(model.scale);
    this.bias = Float64Array.from(model.bias);
    this.steps = new Int8Array(packed.length * 2);
    for (let i = 0; i < packed.length; i++) {
      const byte = packed[i];
      this.steps[2 * i] = (byte & 15) - 8;
      this.steps[2 * i + 1] = (byte >> 4) - 8;
    }
    this.rows = this.steps.length / ROLES.length < 0xffff ? new Uint16Array(1 << HASH_BITS) : new Uint32Array(1 << HASH_BITS);
    let id = 0;
    let row = 0;
    for (let i = 0; i < ids.length;) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = ids[i++];
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      id += delta;
      this.rows[id] = ++row;
    }
    this.seen = new Int32Array(row + 1);
  }

  /** The probability of each role for one sentence or clause. */
  scores(text: string): RoleScores {
    return this.probabilities(this.logits(text, BEST));
  }

  /**
   * The probability of each role in its best clause. The logistic function rises, so the clause
   * with the highest logit has the highest probability: one logistic per role, not per clause.
   */
  bestScores(clauses: readonly string[]): RoleScores {
    const best = this.logits(clauses[0], BEST);
    const z = CLAUSE;
    for (let c = 1; c < clauses.length; c++) {
      this.logits(clauses[c], z);
      for (let r = 0; r < z.length; r++) if (z[r] > best[r]) best[r] = z[r];
    }
    return this.probabilities(best);
  }

  /** The bias plus the weights of the text's distinct features, per role, in the order the features first come. */
  private logits(text: string, z: Float64Array): Float64Array {
    const width = ROLES.length;
    for (let r = 0; r < width; r++) z[r] = this.bias[r];
    if (++this.call === 0x7fffffff) { this.seen.fill(0); this.call = 1; }
    const { ids, count } = roleFeatureIds(text);
    for (let i = 0; i < count; i++) {
      const row = this.rows[ids[i]];
      // Features without weight add nothing; a feature with weight counts once (rows and ids correspond one to one).
      if (row === 0 || this.seen[row] === this.call) continue;
      this.seen[row] = this.call;
      // The same product of step and scale, and the same order of sums, as a table of weights would give.
      for (let r = 0, at = (row - 1) * width; r < width; r++) z[r] += this.steps[at + r] * this.scale[r];
    }
    return z;
  }

  private probabilities(z: Float64Array): RoleScores {
    // One literal in ROLES order (a test compares the keys): one object shape, built in one step.
    return {
      acknowledge: logistic(z[0]), empathy: logistic(z[1]), reason: logistic(z[2]), alternative: logistic(z[3]), clarify: logistic(z[4]),
      'closing-question': logistic(z[5]), refusal: logistic(z[6]), 'vague-promise': logistic(z[7]), other: logistic(z[8]),
    };
  }

  threshold(role: Role): number {
    return this.model.threshold[ROLES.indexOf(role)];
  }

  /** The threshold at which the model is as precise as the rules it adds to. */
  confident(role: Role): number {
    return this.model.confident[ROLES.indexOf(role)];
  }

  /** Roles whose probability reaches their threshold. */
  rolesOf(scores: RoleScores): Role[] {
    return ROLES.filter(role => scores[role] >= this.threshold(role));
  }
}

const loaded = new Map<Lang, RoleModel>();

export function roleModel(lang: Lang): RoleModel {
  let model = loaded.get(lang);
  if (!model) {
    model = new RoleModel(ROLE_WEIGHTS.languages[lang]);
    loaded.set(lang, model);
  }
  return model;
}
