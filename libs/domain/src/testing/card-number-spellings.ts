/**
 * Ways of writing a full card number that must all be found, shared by the detector's unit
 * table and the end-to-end test that sends each one over HTTP. `parts` holds one string, or the
 * pieces of a number split across neighbouring values (two address lines, two fields).
 */
export interface CardNumberSpelling {
  name: string;
  parts: readonly string[];
}

/** The digits every spelling below writes, unless it says otherwise (a Visa test number). */
export const CARD_DIGITS = '4111111111111111';

const spaced = (separator: string, digits = CARD_DIGITS) => digits.match(/.{4}/g)!.join(separator);
const mapDigits = (zero: number, text: string) => text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));

export const CARD_NUMBER_SPELLINGS: readonly CardNumberSpelling[] = [
  { name: 'plain digits', parts: [CARD_DIGITS] },
  { name: 'single spaces', parts: [spaced(' ')] },
  { name: 'hyphens', parts: [spaced('-')] },
  { name: 'dots', parts: [spaced('.')] },
  { name: 'slashes', parts: [spaced('/')] },
  { name: 'underscores', parts: [spaced('_')] },
  { name: 'commas', parts: [spaced(',')] },
  { name: 'double spaces', parts: [spaced('  ')] },
  { name: 'no-break spaces', parts: [spaced('\u00a0')] },
  { name: 'thin spaces', parts: [spaced('\u2009')] },
  { name: 'narrow no-break spaces', parts: [spaced('\u202f')] },
  { name: 'ideographic spaces', parts: [spaced('\u3000')] },
  { name: 'zero-width spaces', parts: [spaced('\u200b')] },
  { name: 'soft hyphens', parts: [spaced('\u00ad')] },
  { name: 'tabs', parts: [spaced('\t')] },
  { name: 'newlines', parts: [spaced('\n')] },
  { name: 'CRLF line breaks', parts: [spaced('\r\n')] },
  { name: 'mixed separators', parts: ['4111 -1111./1111_\t1111'] },
  { name: 'brackets', parts: ['(4111) [1111] {1111} <1111>'] },
  { name: 'one digit at a time', parts: [CARD_DIGITS.split('').join(' ')] },
  { name: 'full-width digits', parts: [spaced(' ', '４１１１１１１１１１１１１１１１')] },
  { name: 'Arabic-Indic digits', parts: [mapDigits(0x0660, spaced(' '))] },
  { name: 'Persian digits', parts: [mapDigits(0x06f0, CARD_DIGITS)] },
  { name: 'Devanagari digits', parts: [mapDigits(0x0966, spaced('-'))] },
  { name: 'mathematical bold digits', parts: [mapDigits(0x1d7ce, CARD_DIGITS)] },
  { name: 'mixed scripts', parts: ['٤١١١ １１１１ 1111 ११११'] },
  { name: 'in a sentence', parts: [`please charge ${spaced(' ')} next month`] },
  { name: 'after other digits', parts: [`ref 12 ${spaced(' ')}`] },
  { name: 'Mastercard', parts: ['5555 5555 5555 4444'] },
  { name: 'Amex 4-6-5', parts: ['3782 822463 10005'] },
  { name: '19 digits', parts: ['6011 0009 9013 9420 007'] },
  { name: 'split across two address lines', parts: ['1 Main Street 4111 1111', '1111 1111'] },
  { name: 'split across two values at a digit boundary', parts: ['41111111', '11111111'] },
  { name: 'split in three values', parts: ['4111', '1111-1111', '1111'] },
  { name: 'split with full-width digits', parts: ['４１１１ １１１１', '1111 1111'] },
];

/** Values that hold digits but no card number: they must pass. */
export const NOT_CARD_NUMBERS: readonly { name: string; value: unknown }[] = [
  { name: 'a UUID whose digit groups are Luhn-valid', value: '48420868-5172-7843-8807-789243269111' },
  { name: 'UUIDs side by side', value: ['53862282-7601-7222-8407-322388757403', '48420868-5172-7843-8807-789243269111'] },
  { name: 'a US phone number', value: '+1 (555) 123-4567' },
  { name: 'a UK phone number', value: '+44 20 7946 0958' },
  { name: 'a date', value: '2026-12-01' },
  { name: 'a date-time', value: '2026-12-01T15:59:11.031Z' },
  { name: 'a written date and time', value: '01/12/2026 15:59' },
  { name: '12 digits', value: '4111 1111 1111' },
  { name: '12 digits in one run', value: '123456789012' },
  { name: '20 digits in one run', value: '12345678901234567890' },
  { name: '26 digits in one run', value: '12345678901234567890123456' },
  { name: 'a Luhn-invalid 16 digits', value: '4111 1111 1111 1112' },
  { name: 'a Luhn-invalid 16 digits in a sentence', value: 'PO Box 4111 1111 1111 1112' },
  { name: 'an IPv4 address', value: '198.51.100.7' },
  { name: 'an all-digit IPv6 address', value: '2001:0000:1234:0000:0000:0000:0000:0001' },
  { name: 'CIDR ranges side by side', value: ['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12'] },
  { name: 'last four and expiry', value: { last4: '4242', expMonth: 12, expYear: 2030 } },
  { name: 'digits broken by letters', value: '4111 1111 x 1111 1111' },
  { name: 'an address', value: ['221B Baker Street', 'London NW1 6XE'] },
  { name: 'a numeric member id under its key', value: { memberId: '1234567890123452' } },
  { name: 'a numeric actor id', value: { actor: { id: '1234567890123452', name: 'Olive' } } },
];
