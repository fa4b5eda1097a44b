import { describe, expect, it } from 'vitest'

import { autocompleteOf, chosenValues, fileAccept, formSlotState, formWords, inputType, textValue } from './form-slot'

const form = { id: 7, fields: [{ name: 'email', type: 'email', label: 'Email' }] }
const params = (query: string) => new URLSearchParams(query)

describe('formSlotState', () => {
  it('keeps a refused POST’s errors and values only for its own form', () => {
    const state = { formId: '7', errors: { email: 'Enter an email' }, values: { email: 'x' } }
    expect(formSlotState(form, state, params(''))).toMatchObject({
      formId: 'form-7',
      submitted: false,
      errors: state.errors,
      values: state.values,
    })
    expect(formSlotState(form, { ...state, formId: '8' }, params(''))).toMatchObject({ errors: {}, values: {} })
  })

  it('links the download a submission earned, when the token has a token’s shape', () => {
    const token = `abc.${'x'.repeat(30)}`
    expect(formSlotState(form, null, params(`submitted=7&download=${token}`))).toMatchObject({
      submitted: true,
      downloadPath: `/download/${token}`,
    })
    expect(formSlotState(form, null, params('submitted=7&download=../etc')).downloadPath).toBeNull()
    expect(formSlotState(form, null, params(`submitted=8&download=${token}`))).toMatchObject({ submitted: false, downloadPath: null })
  })

  it('has no form when the block’s form is not populated', () => {
    expect(formSlotState(7, null, params('submitted=7'))).toMatchObject({ form: null, formId: undefined, submitted: false })
  })
})

describe('field helpers', () => {
  it('reads submitted values as text and as choices', () => {
    const values = { one: 'a', many: ['a', 'b'] }
    expect([textValue(values, 'one'), textValue(values, 'many'), textValue(values, 'none')]).toEqual(['a', '', ''])
    expect([chosenValues(values, 'one'), chosenValues(values, 'many'), chosenValues(values, 'none')]).toEqual([['a'], ['a', 'b'], []])
  })

  it('gives each field its input type, autocomplete and accepted files', () => {
    expect([inputType('phone'), inputType('number'), inputType('text'), inputType('nonsense')]).toEqual(['tel', 'number', 'text', 'text'])
    expect([autocompleteOf({ type: 'email', name: 'work' }), autocompleteOf({ type: 'text', name: 'name' })]).toEqual(['email', 'name'])
    expect(autocompleteOf({ type: 'text', name: 'company' })).toBeUndefined()
    expect(fileAccept(null)).toBe('.pdf,application/pdf,image/png,image/jpeg,image/gif,image/webp')
    expect(fileAccept(['text'])).toBe('.txt,text/plain')
  })

  it('speaks zh-CN and English, English for any other locale', () => {
    expect(formWords('zh-CN').submit).toBe('提交')
    expect(formWords('fr')).toEqual(formWords('en'))
  })
})
