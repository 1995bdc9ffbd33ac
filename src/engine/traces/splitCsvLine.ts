/** Splits one CSV line into fields (RFC 4180 quoting, on one line only). */

/**
 * splitCsvLine(text) splits on commas; a field in double quotes may hold commas and `""` for a
 * quote. The fast path (no quote in the line) is a plain split, which is what trace files use.
 * Fields are trimmed of surrounding spaces.
 */
export function splitCsvLine(text: string): string[] {
  if (text.indexOf('"') < 0) {
    const fields = text.split(',');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f.charCodeAt(0) === 32 || f.charCodeAt(f.length - 1) === 32) fields[i] = f.trim();
    }
    return fields;
  }
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && text[i] === ' ') i++;
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = text.indexOf(',', i);
      i = comma < 0 ? n : comma;
    } else {
      const comma = text.indexOf(',', i);
      const stop = comma < 0 ? n : comma;
      field = text.slice(i, stop).trim();
      i = stop;
    }
    fields.push(field);
    if (i >= n) return fields;
    i++; // past the comma
  }
}
