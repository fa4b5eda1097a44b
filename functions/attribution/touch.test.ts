import { describe, expect, it } from 'vitest'

import { CHANNELS, isChannel } from './touch'

describe('isChannel', () => {
  it.each(CHANNELS.map((channel) => [channel]))('%s is a channel', (channel) => {
    expect(isChannel(channel)).toBe(true)
  })

  it.each(['WeChat', ' wechat', 'google', 'twitter', '', '__proto__', 'constructor', null, undefined, 1, {}])('%j is not', (value) => {
    expect(isChannel(value)).toBe(false)
  })
})
