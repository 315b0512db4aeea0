/** First characters that make a spreadsheet read a cell as a formula (or smuggle one in). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * CSV formula injection (OWASP): a cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading single quote, so Excel, LibreOffice and Google Sheets show
 * it as text instead of evaluating it. Anything else passes through unchanged.
 */
export function neutralizeCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]) ? `'${value}` : value;
}
