/** The words of the account pages, per locale; every theme's layout frames them. */
const zh = {
  titles: {
    overview: '我的账户', 'sign-up': '注册', 'sign-in': '登录', 'sign-in/code': '邮箱验证码登录', 'sign-in/phone': '手机号登录', verify: '验证邮箱', forgot: '忘记密码', reset: '重置密码', 'sign-out': '退出登录',
    profile: '个人资料', password: '修改密码', email: '修改邮箱', requests: '我的申请', subscriptions: '订阅', membership: '会员权益', sessions: '登录设备', data: '我的数据', unsubscribe: '退订',
  },
  nav: '账户导航',
  email: '邮箱', password: '密码', newPassword: '新密码', currentPassword: '当前密码', name: '姓名', company: '公司', jobTitle: '职位', phone: '电话', language: '首选语言', interests: '感兴趣的主题', code: '6 位验证码',
  mobile: '手机号', mobileHint: '中国大陆手机号，新号码将自动注册。', signInWithPhone: '用手机验证码登录', signInWithWechat: '微信登录', smsCode: '短信验证码',
  newsletterOptIn: '订阅新闻邮件（可随时退订）',
  passwordHint: '至少 10 个字符，混合字母和数字等，不要使用常见密码。',
  signUp: '注册', signIn: '登录', sendCode: '发送验证码', signInWithCode: '用邮箱验证码登录', signInWithPassword: '用密码登录', verify: '验证', resend: '重新发送验证码', forgot: '忘记密码？', reset: '重置密码', save: '保存', signOut: '退出登录', haveAccount: '已有账户？登录', noAccount: '还没有账户？注册',
  unverified: '您的邮箱尚未验证。', verifyNow: '立即验证',
  hello: (name: string) => `您好，${name}`,
  noRequests: '您还没有提交过表单。', submittedAt: '提交时间', status: '状态',
  newsletter: '新闻邮件', history: '订阅记录', subscribed: '订阅', unsubscribed: '退订', sources: { 'account-page': '账户页面', 'email-link': '邮件链接', 'sign-up': '注册时', admin: '管理员' } as Record<string, string>,
  tier: '会员等级', noTier: '尚未达到任何等级', balance: '可用积分', tierPoints: '累计积分', toNext: (n: number, tier: string) => `再获得 ${n} 积分即可升级为 ${tier}`, ledger: '积分明细', rewards: '可兑换奖励', redeem: '兑换', cost: (n: number) => `${n} 积分`, noRewards: '暂无可兑换的奖励。',
  reasons: { 'sign-up': '注册', 'verified-profile': '完善资料', 'referral-member': '推荐好友成为会员', 'editor-grant': '活动奖励', reward: '兑换奖励' } as Record<string, string>,
  referral: '我的推荐链接', referralHelp: '好友通过此链接注册并验证邮箱后，您将获得积分（每天最多 10 次）。', referred: (n: number) => `已推荐 ${n} 位会员`,
  sessionsHelp: '以下设备已登录您的账户。', thisDevice: '当前设备', lastSeen: '最近使用', revoke: '退出', revokeOthers: '退出其他所有设备',
  exportTitle: '下载我的数据', exportHelp: '下载我们保存的关于您的所有数据（个人资料、申请、访问记录、订阅、积分），JSON 格式。', download: '下载 JSON',
  deleteTitle: '删除账户', deleteHelp: '删除账户将清除或匿名化您的个人数据（账户、申请、访问记录），此操作无法撤销。请输入密码或邮箱验证码确认。', deleteButton: '永久删除我的账户', orCode: '或使用邮箱验证码确认：',
  unsubscribeConfirm: (topic: string) => `确认退订「${topic}」吗？`, unsubscribeButton: '确认退订', newsletterName: '新闻邮件', invalidLink: '该链接无效或已过期。',
  signOutConfirm: '确定要在此设备上退出登录吗？',
  gated: { signIn: '此内容仅对会员开放。', signInCta: '登录', signUpCta: '免费注册', upgrade: (tier: string) => `此内容仅对「${tier}」及以上等级会员开放。`, upgradeCta: '查看如何升级' },
  account: '我的账户',
  required: '必填',
  yes: '是', no: '否',
}

type Strings = typeof zh

const en: Strings = {
  titles: {
    overview: 'My account', 'sign-up': 'Create an account', 'sign-in': 'Sign in', 'sign-in/code': 'Sign in with an email code', 'sign-in/phone': 'Sign in with your phone', verify: 'Confirm your email', forgot: 'Forgot your password', reset: 'Reset your password', 'sign-out': 'Sign out',
    profile: 'Profile', password: 'Change password', email: 'Change email', requests: 'My requests', subscriptions: 'Subscriptions', membership: 'Membership', sessions: 'Signed-in devices', data: 'My data', unsubscribe: 'Unsubscribe',
  },
  nav: 'Account navigation',
  email: 'Email', password: 'Password', newPassword: 'New password', currentPassword: 'Current password', name: 'Name', company: 'Company', jobTitle: 'Job title', phone: 'Phone', language: 'Preferred language', interests: 'Topics of interest', code: '6-digit code',
  mobile: 'Mobile number', mobileHint: 'A mainland China mobile number; a new number opens an account.', signInWithPhone: 'Sign in with a text code', signInWithWechat: 'Sign in with WeChat', smsCode: 'Code from the text',
  newsletterOptIn: 'Send me the newsletter (unsubscribe any time)',
  passwordHint: 'At least 10 characters, mixing kinds such as letters and digits; not a common password.',
  signUp: 'Create account', signIn: 'Sign in', sendCode: 'Send me a code', signInWithCode: 'Sign in with an email code', signInWithPassword: 'Sign in with a password', verify: 'Confirm', resend: 'Send a new code', forgot: 'Forgot your password?', reset: 'Reset password', save: 'Save', signOut: 'Sign out', haveAccount: 'Have an account? Sign in', noAccount: 'No account yet? Create one',
  unverified: 'Your email is not confirmed yet.', verifyNow: 'Confirm it now',
  hello: (name: string) => `Hello, ${name}`,
  noRequests: 'You have not sent us a form yet.', submittedAt: 'Sent', status: 'Status',
  newsletter: 'Newsletter', history: 'History', subscribed: 'Subscribed', unsubscribed: 'Unsubscribed', sources: { 'account-page': 'account page', 'email-link': 'email link', 'sign-up': 'sign-up', admin: 'admin' },
  tier: 'Tier', noTier: 'No tier yet', balance: 'Points to spend', tierPoints: 'Points earned', toNext: (n: number, tier: string) => `${n} more points to reach ${tier}`, ledger: 'Points history', rewards: 'Rewards', redeem: 'Redeem', cost: (n: number) => `${n} points`, noRewards: 'No rewards to redeem yet.',
  reasons: { 'sign-up': 'Sign-up', 'verified-profile': 'Completed profile', 'referral-member': 'A friend became a member', 'editor-grant': 'Bonus', reward: 'Reward redeemed' },
  referral: 'My referral link', referralHelp: 'When a friend signs up through this link and confirms their email, you earn points (up to 10 a day).', referred: (n: number) => (n === 1 ? '1 member joined through your link' : `${n} members joined through your link`),
  sessionsHelp: 'These devices are signed in to your account.', thisDevice: 'This device', lastSeen: 'Last used', revoke: 'Sign out', revokeOthers: 'Sign out all other devices',
  exportTitle: 'Download my data', exportHelp: 'Everything we hold about you (profile, requests, visits, subscriptions, points) as one JSON file.', download: 'Download JSON',
  deleteTitle: 'Delete my account', deleteHelp: 'Deleting your account erases or anonymises your personal data (account, requests, visits). This cannot be undone. Confirm with your password or an email code.', deleteButton: 'Delete my account for good', orCode: 'Or confirm with a code sent to your email:',
  unsubscribeConfirm: (topic: string) => `Unsubscribe from “${topic}”?`, unsubscribeButton: 'Unsubscribe', newsletterName: 'the newsletter', invalidLink: 'This link is not valid or has expired.',
  signOutConfirm: 'Sign out on this device?',
  gated: { signIn: 'This is for members.', signInCta: 'Sign in', signUpCta: 'Join for free', upgrade: (tier: string) => `This is for ${tier} members and above.`, upgradeCta: 'See how to move up' },
  account: 'My account',
  required: 'required',
  yes: 'Yes', no: 'No',
}

/** The account pages' words in `locale` (English for an unknown one). */
export function accountStrings(locale: string): Strings {
  return locale === 'zh-CN' ? zh : en
}
