/**
 * Finds a full payment card number (a Luhn-valid run of 13–19 digits) in any value a request or
 * an event carries, however it is spelled. Every string is normalised first (NFKC, then every
 * Unicode decimal digit to its ASCII digit), so full-width or Arabic-Indic digits count. Within a
 * run of digit groups any characters that are not letters separate groups (spaces of any kind,
 * tabs, line breaks, dots, slashes, underscores, dashes…), and so does the boundary between two
 * neighbouring values: a number split across two address lines, or across two fields, is one
 * run. A letter ends a run. Values that are exactly a UUID, an IP address (or CIDR range) or an
 * ISO-8601 date, and member or tenant ids under their own keys, are skipped and end a run too,
 * so that ids never pass for card numbers.
 */

/** What a refusal says: never the number itself. */
export const CARD_NUMBER_REFUSAL = 'A full card number must never be sent or stored: keep only its last four digits';

/** The paths (`addressLines.1`, `''` for the value itself) of the fields holding the first card number found, or undefined. */
export function findCardNumber(value: unknown): string[] | undefined {
  const scan = new RunScanner();
  walk(value, '', undefined, scan);
  return scan.finish();
}

export function containsCardNumber(value: unknown): boolean {
  return findCardNumber(value) !== undefined;
}

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A UUID inside a longer text (a path, a query string): its hyphens separate like spaces, so the
 * digit groups of a v7 UUID's timestamp would otherwise read as one run, Luhn-valid now and then.
 */
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)?)?$/;
/**
 * A hex digest (MD5 to SHA-512, or an HMAC) the API computed: 10 of its 16 symbols are digits,
 * so a 64-character hash holds a Luhn-valid run of 13+ digits about once in a few hundred. It is
 * no card number anybody typed; a whole value of hex with a letter in it is skipped like a UUID.
 */
const HEX_DIGEST = /^(?=.*[a-f])(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** Keys whose values are member or tenant ids (token subjects and tenants), validated where they enter. */
const ID_KEY = /^(id|mspId|orgId|memberId|\w*MemberId)$/;
const ID_VALUE = /^[\w.:@-]{1,128}$/;
/** A key that may appear in a reported path: a plain identifier with few digits, never part of a number. */
const PATH_SAFE_KEY = /^[A-Za-z_$][\w$]{0,63}$/;

const DECIMAL_DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

function walk(value: unknown, path: string, key: string | undefined, scan: RunScanner): void {
  if (typeof value === 'string') {
    if (isSkipped(value, key)) scan.breakRun();
    else scan.text(value.replace(UUID_IN_TEXT, 'x'), path); // a letter ends a run, as a whole UUID value does
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    scan.text(String(value), path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, join(path, String(i)), key, scan));
  } else if (value !== null && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) {
      // A key is checked on its own: its letters would otherwise split a number across two values.
      if (findCardNumber(name)) scan.report(path);
      walk(child, PATH_SAFE_KEY.test(name) && digitCount(name) < 4 ? join(path, name) : path, name, scan);
    }
  }
}

function isSkipped(text: string, key: string | undefined): boolean {
  if (UUID.test(text) || HEX_DIGEST.test(text) || ISO_DATE.test(text) || isIpOrRange(text)) return true;
  return key !== undefined && ID_KEY.test(key) && ID_VALUE.test(text);
}

function isIpOrRange(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  if (extra !== undefined || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) return false;
  return IPV4.test(address) || isIpv6(address);
}

function isIpv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-f:.]+$/i.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const ipv4Tail = IPV4.test(last);
  const hex = ipv4Tail ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const size = hex.length + (ipv4Tail ? 2 : 0);
  return halves.length === 2 ? size < 8 : size === 8;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const digitCount = (text: string) => text.replace(/\D/g, '').length;

interface Group {
  digits: string;
  path: string;
}

/**
 * Reads normalised text piece by piece, keeping the current run of digit groups across pieces.
 * Each group that ends is checked with the groups before it: every span of whole, consecutive
 * groups holding 13–19 digits, which catches a card number written right after other digits
 * ("ref 12 4111 1111 1111 1111") without slicing a long id. Only the last 19 groups can still
 * be part of such a span, so the work is linear in the text.
 */
class RunScanner {
  private run: Group[] = [];
  private group: Group | undefined;
  private found: string[] | undefined;

  text(raw: string, path: string): void {
    if (this.found) return;
    for (const char of raw.normalize('NFKC')) {
      const kind = classify(char);
      if (kind === 'letter') {
        this.breakRun();
      } else if (kind === 'separator') {
        this.endGroup();
      } else {
        this.group ??= { digits: '', path };
        this.group.digits += kind;
      }
    }
    this.endGroup(); // the boundary between two values separates like a space
  }

  breakRun(): void {
    this.endGroup();
    this.run = [];
  }

  report(path: string): void {
    this.found ??= [path];
  }

  finish(): string[] | undefined {
    this.breakRun();
    return this.found;
  }

  private endGroup(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    this.run.push(group);
    if (this.run.length > MAX_DIGITS) this.run.shift();
    // Luhn is summed from the rightmost digit, so the span grows leftwards from the newest group.
    let sum = 0;
    let count = 0;
    for (let start = this.run.length - 1; start >= 0; start--) {
      const { digits } = this.run[start];
      if (count + digits.length > MAX_DIGITS) return;
      for (let k = digits.length - 1; k >= 0; k--, count++) sum += luhnValue(digits.charCodeAt(k) - 48, count);
      if (count >= MIN_DIGITS && sum % 10 === 0) {
        this.found ??= [...new Set(this.run.slice(start).map((g) => g.path))];
        return;
      }
    }
  }
}

/** A digit (as its ASCII digit), a letter, or anything else, which separates digit groups. */
function classify(char: string): string | 'letter' | 'separator' {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 48 && code <= 57) return char;
    return (code | 0x20) >= 97 && (code | 0x20) <= 122 ? 'letter' : 'separator';
  }
  return asciiDigit(char) ?? (LETTER.test(char) ? 'letter' : 'separator');
}

/** The ASCII digit of any Unicode decimal digit (they come in contiguous runs from zero to nine). */
function asciiDigit(char: string): string | undefined {
  if (!DECIMAL_DIGIT.test(char)) return undefined;
  const code = char.codePointAt(0)!;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((code - start) % 10);
}

/** A digit's share of the Luhn sum, by its place counted from the rightmost digit (0). */
function luhnValue(digit: number, place: number): number {
  if (place % 2 === 0) return digit;
  return digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
}
