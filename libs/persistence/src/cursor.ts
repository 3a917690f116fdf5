/**
 * Keyset pagination cursors: the sort key of the last item of a page, opaque to clients
 * (base64url JSON), so the next page starts after it without OFFSET and without skipping or
 * repeating items that were added meanwhile. Decoding checks the shape; a cursor that does not
 * decode is the client's error, not ours.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key, or undefined if the cursor is not one this list made (wrong arity or types). */
export function decodeCursor<K extends CursorKey>(
  cursor: string,
  shape: { [I in keyof K]: K[I] extends number ? 'number' : 'string' },
): K | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== shape.length) return undefined;
  const types = shape as readonly string[];
  return value.every((part, i) => typeof part === types[i] && String(part).length <= 200)
    ? (value as unknown as K)
    : undefined;
}
