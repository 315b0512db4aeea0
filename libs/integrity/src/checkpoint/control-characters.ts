/** True when `text` holds a C0 control character (U+0000 to U+001F) other than those in `allowed`. */
export function hasControlCharacter(text: string, allowed = ''): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x20 && !allowed.includes(text[i])) return true;
  }
  return false;
}
