import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { Form } from '../payload-types'
import { SEED_CONTEXT } from './localized'

type FormData = RequiredDataFromCollectionSlug<'forms'>
type Field = NonNullable<Form['fields']>[number]
/** A field before its words: its label and its options' labels are added per locale. */
type FieldShape = Omit<Field, 'label' | 'options'> & { options?: { value: string }[] }

/** Ids of the demo forms, placed on pages by the form block. */
export interface FormIds {
  contact: number
  springLaunch: number
  /** The landing page's content offer: sends the white paper. */
  whitePaper: number
}

const consent = {
  'zh-CN': '我同意朱砂品牌咨询按照隐私政策处理我提交的信息，并就我的需求与我联系。',
  en: 'I agree that Cinnabar Brand Partners may process the details I submit under its privacy policy and contact me about my request.',
}

function fields(withRegion: boolean) {
  const shared: FieldShape[] = [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'email', type: 'email', required: true },
    { name: 'phone', type: 'phone' },
    { name: 'company', type: 'text', maxLength: 120 },
    ...(withRegion
      ? [
          {
            name: 'region',
            type: 'select',
            required: true,
            options: [{ value: 'east' }, { value: 'south' }, { value: 'north' }],
          } satisfies FieldShape,
        ]
      : []),
    { name: 'message', type: 'textarea', maxLength: 2000 },
    { name: 'consent', type: 'consent', required: true },
  ]
  const labels = {
    'zh-CN': {
      name: '姓名',
      email: '工作邮箱',
      phone: '手机',
      company: '公司',
      region: '所在区域',
      message: '想解决的问题',
      consent: '同意条款',
    },
    en: {
      name: 'Name',
      email: 'Work email',
      phone: 'Mobile',
      company: 'Company',
      region: 'Region',
      message: 'What you want to solve',
      consent: 'Consent',
    },
  }
  const regions = {
    'zh-CN': { east: '华东', south: '华南', north: '华北' },
    en: { east: 'East China', south: 'South China', north: 'North China' },
  }
  return (locale: 'zh-CN' | 'en'): Field[] =>
    shared.map(({ options, ...f }) => ({
      ...f,
      label: labels[locale][f.name as keyof (typeof labels)['en']],
      ...(f.type === 'consent' ? { consentText: consent[locale] } : {}),
      ...(options ? { options: options.map((o) => ({ value: o.value, label: regions[locale][o.value as 'east'] })) } : {}),
    }))
}

/** What each locale writes: the form's name, its fields with their words, its button and message. */
type FormWords = Pick<FormData, 'name' | 'fields' | 'submitLabel' | 'successMessage'>

// The field rows are shared by both locales (only their words are localised), so the English
// words are written onto the rows the Chinese pass created, matched by their ids.
async function createForm(
  payload: Payload,
  shared: Omit<FormData, keyof FormWords>,
  byLocale: Record<'zh-CN' | 'en', FormWords & { fields: Field[] }>,
): Promise<number> {
  const created = await payload.create({
    collection: 'forms',
    locale: 'zh-CN',
    data: { ...shared, ...byLocale['zh-CN'] },
    depth: 0,
    context: SEED_CONTEXT,
  })
  const rows = created.fields ?? []
  const fields = byLocale.en.fields.map((field, i) => ({
    ...field,
    id: rows[i]?.id,
    ...(Array.isArray(field.options) ? { options: field.options.map((o, j) => ({ ...o, id: rows[i]?.options?.[j]?.id })) } : {}),
  }))
  await payload.update({
    collection: 'forms',
    id: created.id,
    locale: 'en',
    data: { ...byLocale.en, fields },
    depth: 0,
    context: SEED_CONTEXT,
  })
  return created.id
}

/** Creates the contact form, the spring campaign's form and its white paper offer; leads go to the demo sales address. */
export async function seedForms(payload: Payload, whitePaperPdf: number): Promise<FormIds> {
  const contactFields = fields(false)
  const contact = await createForm(
    payload,
    { defaultRecipient: 'sales@example.com', minSecondsToSubmit: 2 },
    {
      'zh-CN': {
        name: '联系我们',
        fields: contactFields('zh-CN'),
        submitLabel: '提交',
        successMessage: '谢谢！我们会在一个工作日内与你联系。',
      },
      en: {
        name: 'Contact us',
        fields: contactFields('en'),
        submitLabel: 'Send',
        successMessage: 'Thank you! We will get back to you within one working day.',
      },
    },
  )
  const launchFields = fields(true)
  const routing = [{ field: 'region', value: 'south', recipient: 'south@example.com' }]
  const springLaunch = await createForm(
    payload,
    { defaultRecipient: 'sales@example.com', routing, minSecondsToSubmit: 2 },
    {
      'zh-CN': {
        name: '春季启动营报名',
        fields: launchFields('zh-CN'),
        submitLabel: '报名',
        successMessage: '报名成功！顾问会在两个工作日内联系你。',
      },
      en: {
        name: 'Spring workshop sign-up',
        fields: launchFields('en'),
        submitLabel: 'Sign up',
        successMessage: 'You are signed up! A consultant will contact you within two working days.',
      },
    },
  )
  const offerFields = fields(false)
  const whitePaper = await createForm(
    payload,
    { defaultRecipient: 'sales@example.com', minSecondsToSubmit: 2, successAction: 'download', download: whitePaperPdf },
    {
      'zh-CN': {
        name: '白皮书下载',
        fields: offerFields('zh-CN').filter((f) => f.name !== 'message'),
        submitLabel: '获取白皮书',
        successMessage: '谢谢！下载链接已发到你的邮箱，七天内有效。',
      },
      en: {
        name: 'White paper download',
        fields: offerFields('en').filter((f) => f.name !== 'message'),
        submitLabel: 'Get the white paper',
        successMessage: 'Thank you! The download link is in your inbox too, valid for seven days.',
      },
    },
  )
  return { contact, springLaunch, whitePaper }
}
