const DISTRICT_CODE_PATTERN = /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/;

/** Fails loudly on an unexpected layout: a silently empty index would reject every NIK. */
export function parseDistrictCodes(csv: string): string[] {
  const [header, ...codes] = csvFirstColumn(csv);
  if (header !== 'code') {
    throw new Error(`idn-area-data districts.csv: expected first column "code", got "${header}"`);
  }
  const malformed = codes.find((code) => !DISTRICT_CODE_PATTERN.test(code));
  if (malformed !== undefined) {
    throw new Error(`idn-area-data districts.csv: malformed district code "${malformed}"`);
  }
  if (codes.length === 0) throw new Error('idn-area-data districts.csv: no districts');
  return codes;
}

/**
 * Returns the first field of every record of an RFC 4180 CSV text, header included; blank lines
 * are skipped. Only the first column is kept, but every record is scanned in full so that quoted
 * commas and line breaks in later columns (place names) are never taken for record boundaries.
 */
export function csvFirstColumn(text: string): string[] {
  const firsts: string[] = [];
  let field = '';
  let first: string | null = null;
  let inQuotes = false;
  let recordHasContent = false;

  const endRecord = (): void => {
    if (recordHasContent) firsts.push(first ?? field);
    field = '';
    first = null;
    recordHasContent = false;
  };

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') {
        field += ch;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        inQuotes = false;
      }
    } else if (ch === '"') {
      inQuotes = true;
      recordHasContent = true;
    } else if (ch === ',') {
      first ??= field;
      field = '';
      recordHasContent = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
      recordHasContent = true;
    }
  }
  if (inQuotes) throw new SyntaxError('CSV ends inside a quoted field');
  endRecord();
  return firsts;
}
