/** Explains a JSON.parse failure with the line and column of the bad character. */

/** describeJsonError(text, error) → e.g. "Unexpected token '}' at line 2, column 8". */
export function describeJsonError(text: string, error: Error): string {
  if (text.trim() === '') return 'the input is empty';
  // V8 messages: "... in JSON at position N", or "Unexpected token 'x', "<snippet>" is not valid JSON"
  // (no position, and the snippet may span lines), or "Unexpected end of JSON input".
  const what = error.message
    .replace(/ (in JSON )?at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const position = errorPosition(text, error.message);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${what} at line ${line}, column ${column}`;
}

/** Index of the offending character (text.length when the input ends too early). */
export function errorPosition(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  if (/end of JSON input/.test(message)) return text.length;
  // The parser reads left to right and stops at the first bad character, so a prefix fails
  // before its end exactly when it contains that character: binary search the shortest one.
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/end of JSON input/.test(message)) return false;
    const stated = /at position (\d+)/.exec(message);
    return stated ? Number(stated[1]) < prefix.length : true;
  }
}
