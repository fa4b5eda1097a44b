/**
 * A relationship value from a stored id: a number on SQLite, the id string on MongoDB. Payload's
 * generated types know only SQLite's numbers, so the MongoDB case is cast here, once.
 */
export const relation = (id: string): number => (/^[0-9]+$/.test(id) ? Number(id) : (id as unknown as number))
