import { deriveSeed, Prng } from './prng.js';

export const FAULT_KINDS = [
  'latency',
  'reset-before',
  'reset-after',
  'http-5xx',
  'truncated-json',
  'rate-limit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One injected fault. `reset-before` drops the connection before the call runs; `reset-after`
 * drops it after the call ran, so its state change is kept but the client never sees the reply.
 */
export interface FaultRule {
  kind: FaultKind;
  /** Only calls to this Target; any Target when omitted. */
  target?: string;
  /** Only calls to this Method; any Method when omitted. */
  method?: string;
  /** Number of matching calls the rule fires on, then it is removed. Unlimited when omitted. */
  count?: number;
  /** Chance in [0, 1] that a matching call fires the rule, drawn from the seeded generator. */
  probability?: number;
  /** Added delay for `latency`, in milliseconds. */
  latencyMs?: number;
  /** HTTP status for `http-5xx`; 500 when omitted. */
  status?: number;
}

/** Fault rules matched in the order they were added; chance draws are reproducible from the seed. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: Prng;

  constructor(private readonly seed: number) {
    this.random = new Prng(deriveSeed(seed, 'faults'));
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  add(rules: FaultRule[]): void {
    for (const rule of rules) this.rules.push(checkRule(rule));
  }

  clear(): void {
    this.rules = [];
    this.random = new Prng(deriveSeed(this.seed, 'faults'));
  }

  /** Returns the rules that fire for this call and uses up one count of each. */
  take(target: string, method: string): FaultRule[] {
    const fired: FaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.target !== undefined && rule.target !== target) continue;
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.probability !== undefined && !this.random.chance(rule.probability)) continue;
      fired.push({ ...rule });
      if (rule.count !== undefined) rule.count--;
    }
    this.rules = this.rules.filter((rule) => rule.count === undefined || rule.count > 0);
    return fired;
  }
}

const RULE_KEYS = ['kind', 'target', 'method', 'count', 'probability', 'latencyMs', 'status'];

/** Maximum delay that `setTimeout` honours. Node fires a longer one after 1 ms instead. */
const MAX_LATENCY_MS = 2 ** 31 - 1;

/**
 * Checks a rule from options or the admin route, naming the bad value in the error. Unknown keys
 * are rejected, because a misspelled `target` or `method` would widen the rule to every call.
 */
export function checkRule(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`A fault rule must be an object, got ${JSON.stringify(input)}.`);
  }
  const rule = input as Record<string, unknown>;
  const unknownKey = Object.keys(rule).find((key) => !RULE_KEYS.includes(key));
  if (unknownKey !== undefined) {
    throw new TypeError(
      `Fault key ${JSON.stringify(unknownKey)} is not valid. Use: ${RULE_KEYS.join(', ')}.`,
    );
  }
  if (!(FAULT_KINDS as readonly unknown[]).includes(rule['kind'])) {
    throw new TypeError(
      `Fault kind ${JSON.stringify(rule['kind'])} is not valid. Use one of: ${FAULT_KINDS.join(', ')}.`,
    );
  }
  checkOptional(rule, 'target', (value) => typeof value === 'string', 'a string');
  checkOptional(rule, 'method', (value) => typeof value === 'string', 'a string');
  checkOptional(
    rule,
    'count',
    (value) => Number.isInteger(value) && Number(value) > 0,
    'a positive integer',
  );
  checkOptional(
    rule,
    'probability',
    (value) => typeof value === 'number' && value >= 0 && value <= 1,
    'a number from 0 to 1',
  );
  checkOptional(
    rule,
    'latencyMs',
    (value) => Number.isInteger(value) && Number(value) >= 0 && Number(value) <= MAX_LATENCY_MS,
    `an integer from 0 to ${MAX_LATENCY_MS}`,
  );
  checkOptional(
    rule,
    'status',
    (value) => Number.isInteger(value) && Number(value) >= 500 && Number(value) <= 599,
    'an HTTP status from 500 to 599',
  );
  return { ...(rule as unknown as FaultRule) };
}

function checkOptional(
  rule: Record<string, unknown>,
  key: string,
  valid: (value: unknown) => boolean,
  expected: string,
): void {
  if (rule[key] !== undefined && !valid(rule[key])) {
    throw new TypeError(`Fault ${key} must be ${expected}, got ${JSON.stringify(rule[key])}.`);
  }
}
