import type { PayloadRequest } from 'payload'

/** A job input's id (inputs are JSON, so ids travel as text) as this database's documents take it. */
export const inputId = (req: PayloadRequest, id: string): string | number => (req.payload.db.defaultIDType === 'number' ? Number(id) : id)
