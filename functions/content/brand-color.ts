/** True for a CSS hex colour (#rgb or #rrggbb); anything else could inject CSS into every page. */
export function isBrandColor(value: string): boolean {
  return /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(value)
}
