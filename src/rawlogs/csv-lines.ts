/**
 * Cuts CSV text into whole records at line breaks outside quotes, across chunk boundaries.
 * Each returned line keeps its line break.
 */
export class CsvLineSplitter {
  private text = '';
  private scanned = 0;
  private quoted = false;

  /** Adds text and returns the records it completed. */
  push(chunk: string): string[] {
    this.text += chunk;
    const lines: string[] = [];
    let start = 0;
    for (let at = this.scanned; at < this.text.length; at++) {
      const char = this.text[at];
      // A doubled quote inside a quoted value toggles twice, so it needs no special case.
      if (char === '"') {
        this.quoted = !this.quoted;
      } else if (char === '\n' && !this.quoted) {
        lines.push(this.text.slice(start, at + 1));
        start = at + 1;
      }
    }
    this.text = this.text.slice(start);
    this.scanned = this.text.length;
    return lines;
  }

  /** Returns the text after the last line break and starts over with no text. */
  end(): string {
    const rest = this.text;
    this.text = '';
    this.scanned = 0;
    this.quoted = false;
    return rest;
  }
}

/** Removes the line break at the end of a record, if there is one. */
export function trimLineBreak(line: string, rowDelimiter: string): string {
  return line.endsWith(rowDelimiter) ? line.slice(0, -rowDelimiter.length) : line;
}

/** Splits one CSV record without its line break into values, undoing RFC 4180 quoting. */
export function splitCsvLine(line: string): string[] {
  const values: string[] = [];
  let value = '';
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quoted && char === '"' && line[at + 1] === '"') {
      value += '"';
      at++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      values.push(value);
      value = '';
    } else {
      value += char;
    }
  }
  values.push(value);
  return values;
}
