/** Splits a stream of text chunks into lines, counting line numbers across chunk boundaries. */

export interface LineSplitter {
  push(chunk: string): void;
  /** Emits the last line when the text does not end with a newline. */
  end(): void;
  /** Lines emitted so far. */
  readonly lines: number;
}

/**
 * createLineSplitter(onLine) calls onLine(text, lineNumber) for each line, 1-based, without its
 * `\n` or `\r\n`, and strips a leading byte-order mark. A line split over several chunks is kept
 * as pieces and joined once, so tiny chunks cost no quadratic concatenation.
 */
export function createLineSplitter(onLine: (text: string, line: number) => void): LineSplitter {
  let pieces: string[] = [];
  let line = 0;
  let ended = false;

  function emit(text: string): void {
    line++;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const n = text.length;
    onLine(n > 0 && text.charCodeAt(n - 1) === 13 ? text.slice(0, n - 1) : text, line);
  }

  return {
    push(chunk) {
      if (ended) throw new Error('push() after end(): a LineSplitter reads one stream');
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf('\n', from);
        if (nl < 0) break;
        let text = chunk.slice(from, nl);
        if (pieces.length > 0) {
          pieces.push(text);
          text = pieces.join('');
          pieces = [];
        }
        emit(text);
        from = nl + 1;
      }
      if (from < chunk.length) pieces.push(from === 0 ? chunk : chunk.slice(from));
    },
    end() {
      if (ended) return;
      ended = true;
      if (pieces.length > 0) {
        const text = pieces.join('');
        pieces = [];
        emit(text);
      }
    },
    get lines() {
      return line;
    }
  };
}
