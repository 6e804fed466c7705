/** The parts of a catalogue field or parameter that decide which values it accepts. */
export interface ValueRule {
  readonly type: string;
  readonly enum?: readonly string[] | undefined;
}

const WHOLE_NUMBER = /^-?\d+$/;
const DECIMAL_NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const BOOLEAN_VALUES = ['0', '1', 'true', 'false'];

/**
 * Returns the base type of a catalogue type. Some entries carry a note after the type, such as
 * `integer (0 when none)` or `datetime (optional)`.
 */
export function baseType(type: string): string {
  return type.split(/[\s(]/, 1)[0] ?? type;
}

/**
 * Describes the value a rule expects, such as "a whole number such as 12", or returns undefined
 * when `value` fits the rule. Types without a known textual form (string, mixed, object) accept
 * any value.
 */
export function expectedValue(rule: ValueRule, value: string): string | undefined {
  if (rule.enum !== undefined && rule.enum.length > 0) {
    return rule.enum.includes(value) ? undefined : `one of ${rule.enum.join(', ')}`;
  }
  switch (baseType(rule.type)) {
    case 'integer':
      return WHOLE_NUMBER.test(value) ? undefined : 'a whole number such as 12';
    case 'decimal':
      return DECIMAL_NUMBER.test(value) ? undefined : 'a number such as 12 or 2.50';
    case 'date':
    case 'datetime':
      return isDateTime(value) ? undefined : 'a date as YYYY-MM-DD or YYYY-MM-DD hh:mm:ss';
    case 'boolean':
      return BOOLEAN_VALUES.includes(value) ? undefined : '0, 1, true or false';
    default:
      return undefined;
  }
}

/** Names the kind of a field for messages: "an integer field", "a date field". */
export function fieldKind(rule: ValueRule): string {
  if (rule.enum !== undefined && rule.enum.length > 0) return 'a field with fixed values';
  const type = baseType(rule.type);
  return /^[aeiou]/.test(type) ? `an ${type} field` : `a ${type} field`;
}

// Checks the calendar too, so an impossible date such as 2024-02-30 or a time such as 25:00:00
// fails here instead of reaching the server.
function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (match === null) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(Date.UTC(year, month - 1, day));
  const dayFits = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return dayFits && hour < 24 && minute < 60 && second < 60;
}
