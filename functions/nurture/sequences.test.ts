import { describe, expect, it } from 'vitest'

import { exitReason, mayEnter, nextStep, personalise, type Sequence, triggers } from './sequences'

const sequence: Sequence = {
  id: 1,
  active: true,
  trigger: 'form-submitted',
  form: '4',
  topic: null,
  tag: null,
  reenter: false,
  steps: [
    { id: 'a', delay: 0, unit: 'minutes' },
    { id: 'b', delay: 2, unit: 'days' },
    { id: 'c', delay: 1, unit: 'weeks' },
  ],
}
const enrolledAt = '2026-03-01T10:00:00.000Z'

describe('sequences', () => {
  it('start from their trigger only (the form when one is named), and only when active', () => {
    expect(triggers(sequence, { kind: 'form-submitted', form: '4', ref: null })).toBe(true)
    expect(triggers(sequence, { kind: 'form-submitted', form: '5', ref: null })).toBe(false)
    expect(triggers({ ...sequence, active: false }, { kind: 'form-submitted', form: '4', ref: null })).toBe(false)
    expect(triggers({ ...sequence, trigger: 'tag-added', tag: 'vip' }, { kind: 'tag-added', form: null, ref: 'vip' })).toBe(true)
  })

  it('let a person in once at a time, and again afterwards only when allowed', () => {
    expect(mayEnter(sequence, [])).toBe(true)
    expect(mayEnter(sequence, [{ status: 'active' }])).toBe(false)
    expect(mayEnter(sequence, [{ status: 'completed' }])).toBe(false)
    expect(mayEnter({ ...sequence, reenter: true }, [{ status: 'exited' }])).toBe(true)
    expect(mayEnter({ ...sequence, reenter: true }, [{ status: 'active' }])).toBe(false)
  })

  it('time each step from the one before, by the sequence as it is now', () => {
    expect(nextStep(sequence, { lastStepAt: null, enrolledAt, sentSteps: [] })).toMatchObject({ index: 0, dueAt: enrolledAt })
    expect(nextStep(sequence, { lastStepAt: enrolledAt, enrolledAt, sentSteps: ['a'] })).toMatchObject({
      index: 1,
      dueAt: '2026-03-03T10:00:00.000Z',
    })
    expect(nextStep(sequence, { lastStepAt: enrolledAt, enrolledAt, sentSteps: ['a', 'b', 'c'] })).toBeNull()
    // Step b was deleted after it was sent: the person goes on with c, never getting anything twice.
    const edited = { ...sequence, steps: [sequence.steps[0]!, sequence.steps[2]!] }
    expect(nextStep(edited, { lastStepAt: enrolledAt, enrolledAt, sentSteps: ['a', 'b'] })).toMatchObject({
      step: { id: 'c' },
      dueAt: '2026-03-08T10:00:00.000Z',
    })
    // Steps moved above the last one sent are not sent to people past them.
    const reordered = { ...sequence, steps: [sequence.steps[2]!, sequence.steps[0]!, sequence.steps[1]!] }
    expect(nextStep(reordered, { lastStepAt: enrolledAt, enrolledAt, sentSteps: ['a'] })).toMatchObject({ step: { id: 'b' } })
  })

  it('end for contacted, won, lost, unsubscribed or erased people', () => {
    expect(exitReason({ status: 'new', unsubscribed: false, erased: false })).toBeNull()
    expect(exitReason({ status: 'qualified', unsubscribed: false, erased: false })).toBeNull()
    expect(exitReason({ status: 'contacted', unsubscribed: false, erased: false })).toBe('status contacted')
    expect(exitReason({ status: 'new', unsubscribed: true, erased: false })).toBe('unsubscribed')
  })

  it('personalise subjects', () => {
    expect(personalise('Hi {name|friend}', null)).toBe('Hi friend')
    expect(personalise('Hi {name}', 'Ann')).toBe('Hi Ann')
  })
})
