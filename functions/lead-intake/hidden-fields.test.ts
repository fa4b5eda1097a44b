import { describe, expect, it } from 'vitest'

import type { FormDefinition } from './form-definition'
import { fillHiddenFields } from './hidden-fields'

const form: FormDefinition = {
  id: 1,
  name: 'Brief',
  fields: [
    { name: 'brief', type: 'file', label: 'Brief', required: true, maxSizeMB: 1, accept: ['pdf'] },
    { name: 'campaign', type: 'hidden', label: 'Campaign', fillFrom: 'utm_campaign' },
    { name: 'channel', type: 'hidden', label: 'Channel', fillFrom: 'channel' },
    { name: 'note', type: 'text', label: 'Note' },
  ],
}

describe('fillHiddenFields', () => {
  it('fills from the page URL and the touch, ignoring what the browser sent', () => {
    const filled = fillHiddenFields(
      form,
      { campaign: 'forged', channel: 'forged', note: 'hi' },
      'https://brand.example/join?utm_campaign=spring-launch',
      { channel: 'wechat' },
    )
    expect({ ...filled }).toEqual({ campaign: 'spring-launch', channel: 'wechat', note: 'hi' })
  })
  it('leaves a hidden field empty when its source is absent or the URL unreadable', () => {
    expect({ ...fillHiddenFields(form, { campaign: 'forged' }, 'not a url', null) }).toEqual({})
  })
})
