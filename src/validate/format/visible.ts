/**
 * Text from the files being validated, made safe to print to a terminal: control characters (C0
 * other than tab, DEL, C1: ESC sequences among them), bidi controls and other invisible format
 * characters (zero-width spaces and joiners, the BOM, tags) and line or paragraph separators become
 * visible stand-ins — C0 and DEL as their control pictures (␛ for ESC), the rest as U+FFFD — one per
 * UTF-16 unit, so columns and carets still line up.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function standIn(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return '\ufffd'.repeat(ch.length);
}

/** `text` with every hidden or controlling character replaced (tabs kept: they align carets). */
export function visible(text: string): string {
  return text.replace(HIDDEN, (ch) => (ch === '\t' ? ch : standIn(ch)));
}
