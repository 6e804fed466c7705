// Code point ranges that terminals draw two columns wide: the East Asian Wide and Fullwidth
// classes of Unicode UAX #11, plus the emoji presentation block. The list covers the common
// scripts; NOTE: rarer wide ranges count as one column.
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK unified ideographs extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi syllables and radicals
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6], // Fullwidth signs
  [0x1f300, 0x1f64f], // Emoji: pictographs and emoticons
  [0x1f900, 0x1f9ff], // Emoji: supplemental symbols and pictographs
  [0x20000, 0x3fffd], // CJK unified ideographs extensions B and later
];

// Combining marks, zero-width spaces and variation selectors, tested one code point at a time.
// eslint-disable-next-line no-misleading-character-class -- the class lists lone marks on purpose
const ZERO_WIDTH = /^[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]$/;

/** Returns the number of terminal columns `text` takes: 2 for wide characters, 0 for marks. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += characterWidth(character);
  return width;
}

function characterWidth(character: string): number {
  if (ZERO_WIDTH.test(character)) return 0;
  const code = character.codePointAt(0) ?? 0;
  return WIDE_RANGES.some(([first, last]) => code >= first && code <= last) ? 2 : 1;
}
