import { insertActivityRows } from './stores'

/** Records that a lead became a member (once: at the first confirmation). Never fails the sign-up. */
export async function recordSignUp(lead: string | number, visitor: string | null, member: string | number, now: Date): Promise<void> {
  await insertActivityRows([
    {
      lead,
      visitor,
      kind: 'member-signed-up',
      at: now.toISOString(),
      path: null,
      categories: [],
      form: null,
      ref: `member:${member}`,
      locale: null,
    },
  ]).catch((error: unknown) => console.error('Sign-up not recorded for scoring:', error instanceof Error ? error.message : error))
}
