// Broadcasts: segments, recipients, the email each one gets, the crash-safe send loop, provider events.
export * from './email'
export * from './events'
export * from './recipients'
export * from './segment'
export * from './send'
export * from './tokens'
export * from './webhook-signature'
