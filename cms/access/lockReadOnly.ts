import type { Field, FieldAccess } from 'payload'

/** Field access: nobody through the API; the site and the jobs write through the Local API as themselves. */
export const systemOnly: FieldAccess = () => false

/**
 * Makes `admin.readOnly` real. It only greys a field out in the admin panel; REST and GraphQL would
 * still take a PATCH of it (a lead's member, its deliveries, a submission's values and consent
 * evidence). Every field the admin shows read-only is given create and update access `systemOnly`.
 * @example fields: lockReadOnly([{ name: 'values', type: 'json', admin: { readOnly: true } }])
 */
export function lockReadOnly(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (!('name' in field) || field.type === 'ui' || field.type === 'join' || !field.admin?.readOnly) return field
    return { ...field, access: { ...field.access, create: systemOnly, update: systemOnly } } as Field
  })
}
