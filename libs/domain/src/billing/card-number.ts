// Runs of digits, each group joined to the next by a single space or dash.
const DIGIT_RUNS = /\d+(?:[ -]\d+)*/g;

/** True when any string (or integer) anywhere in `value` holds a Luhn-valid run of 13–19 digits. */
export function containsCardNumber(value: unknown): boolean {
  return findCardNumber(value) !== undefined;
}

/** The path of the first field holding a card number (`''` for `value` itself), or undefined. */
export function findCardNumber(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasCardNumber(value) ? path : undefined;
  if (typeof value === 'number') return Number.isInteger(value) && hasCardNumber(String(value)) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findCardNumber(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

function hasCardNumber(text: string): boolean {
  return (text.match(DIGIT_RUNS) ?? []).some((run) => groupWindows(run.split(/[ -]/)).some(isLuhnValid));
}

/**
 * Every span of whole, consecutive groups holding 13–19 digits: catches a PAN written right
 * after other digits ("ref 12 4111 1111 1111 1111") without testing every slice of a long id.
 */
function groupWindows(groups: string[]): string[] {
  const windows: string[] = [];
  for (let start = 0; start < groups.length; start++) {
    let digits = '';
    for (let end = start; end < groups.length && digits.length < 19; end++) {
      digits += groups[end];
      if (digits.length >= 13 && digits.length <= 19) windows.push(digits);
    }
  }
  return windows;
}

function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
