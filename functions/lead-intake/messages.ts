/** What the visitor reads when a field is refused, in their language. Never contains their input. */
const messages = {
  'zh-CN': {
    required: '此项为必填项。',
    tooShort: (n: number) => `至少需要 ${n} 个字符。`,
    tooLong: (n: number) => `最多 ${n} 个字符。`,
    email: '请输入有效的电子邮箱地址。',
    phone: '请输入有效的电话号码。',
    number: '请输入数字。',
    min: (n: number) => `不能小于 ${n}。`,
    max: (n: number) => `不能大于 ${n}。`,
    date: '请输入有效的日期（年-月-日）。',
    option: '请从列表中选择。',
    pattern: '格式不正确。',
    consent: '请勾选以表示同意。',
    type: '这个值的类型不正确。',
    fileTooLarge: (mb: number) => `文件不能超过 ${mb} MB。`,
    fileType: '不支持这种文件类型。',
  },
  en: {
    required: 'This field is required.',
    tooShort: (n: number) => `Use at least ${n} characters.`,
    tooLong: (n: number) => `Use at most ${n} characters.`,
    email: 'Enter a valid email address.',
    phone: 'Enter a valid phone number.',
    number: 'Enter a number.',
    min: (n: number) => `Enter ${n} or more.`,
    max: (n: number) => `Enter ${n} or less.`,
    date: 'Enter a valid date (YYYY-MM-DD).',
    option: 'Choose one of the options.',
    pattern: 'This does not have the expected format.',
    consent: 'Tick the box to agree.',
    type: 'This value has the wrong type.',
    fileTooLarge: (mb: number) => `The file must be ${mb} MB or smaller.`,
    fileType: 'This type of file is not accepted.',
  },
}

export type Messages = (typeof messages)['en']

/** The messages of a locale; English for any other. */
export function messagesFor(locale: string): Messages {
  return (messages as Record<string, Messages>)[locale] ?? messages.en
}
