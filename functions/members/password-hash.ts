import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto'

/**
 * The cost of a password hash: scrypt with N = 2^15, r = 8, p = 1 (32 MiB of memory and about
 * 50-100 ms of one core per hash on this class of machine; see bench/account.ts). Stored inside
 * each hash, so raising it later only changes new hashes, and `needsRehash` upgrades old ones at
 * the next sign-in.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const SALT_LENGTH = 16

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem must exceed 128 * N * r, or Node refuses the parameters.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/**
 * A password's stored form: `scrypt$N$r$p$salt$hash` (salt and hash in base64url). Runs on the
 * thread pool, so other requests go on while it works.
 * @example await hashPassword('correct horse battery') // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string, params: { N: number; r: number; p: number } = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

function parse(stored: unknown): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  if (typeof stored !== 'string') return null
  const [scheme, n, r, p, salt, key, extra] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key || extra !== undefined) return null
  const [N, R, P] = [Number(n), Number(r), Number(p)]
  // Bounds keep a corrupted row from asking for gigabytes of memory.
  if (
    !Number.isInteger(N) ||
    N < 2 ||
    N > 2 ** 20 ||
    (N & (N - 1)) !== 0 ||
    !Number.isInteger(R) ||
    R < 1 ||
    R > 32 ||
    !Number.isInteger(P) ||
    P < 1 ||
    P > 16
  )
    return null
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') }
}

/** A stored hash to compare against when the account does not exist, so an unknown email costs as long as a wrong password. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/**
 * Whether `password` matches the stored hash (false for a missing or malformed hash, after the
 * same work as a real check).
 * @example await verifyPassword('correct horse battery', stored) // true
 */
export async function verifyPassword(password: unknown, stored: unknown): Promise<boolean> {
  const parsed = parse(stored) ?? parse(DUMMY_HASH)!
  const text = typeof password === 'string' ? password.slice(0, 1024) : ''
  const key = await derive(text, parsed.salt, parsed)
  const real = parse(stored) !== null && typeof password === 'string'
  return real && key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

/** Whether a stored hash was made with weaker parameters than today's. */
export function needsRehash(stored: unknown): boolean {
  const parsed = parse(stored)
  return !parsed || parsed.N < SCRYPT_PARAMS.N || parsed.r < SCRYPT_PARAMS.r || parsed.p < SCRYPT_PARAMS.p
}
