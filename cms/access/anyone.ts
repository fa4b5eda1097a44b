import type { Access } from 'payload'

/** Access: everyone, signed in or not. Used only for public, published-by-nature content. */
export const anyone: Access = () => true
