import { sql, type RawBuilder } from 'kysely';

// Binary columns travel as base64 text. PGlite moves bytea as hex text and converts it byte by byte in JavaScript
// (~150 ms for a 400 KB snapshot); base64 in and out is done natively on both engines.

/** A bytea value for an insert or update. */
export const bytea = (data: Uint8Array): RawBuilder<Uint8Array> =>
  sql<Uint8Array>`decode(${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')}, 'base64')`;

/** Selects a bytea column as base64 text under `alias`; turn it back with `fromBase64`. */
export const base64Of = <A extends string>(column: string, alias: A) => sql<string>`encode(${sql.ref(column)}, 'base64')`.as(alias);

export const fromBase64 = (text: string): Uint8Array => {
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};
