// Which WeChat sign-ins are set up, from the environment only: the app secrets never leave the server.
import type { WechatApp, WechatEndpoints } from '../../../functions/wechat'

/** The WeChat apps from the environment (secrets never leave the server), and where WeChat is (tests point both at a stand-in). */
export function wechatConfig(env: NodeJS.ProcessEnv = process.env): {
  mp: WechatApp | null
  web: WechatApp | null
  endpoints: WechatEndpoints
} {
  const app = (appId: string | undefined, secret: string | undefined) => (appId && secret ? { appId, secret } : null)
  return {
    mp: app(env.WECHAT_MP_APP_ID, env.WECHAT_MP_APP_SECRET),
    web: app(env.WECHAT_WEB_APP_ID, env.WECHAT_WEB_APP_SECRET),
    endpoints: {
      openBase: env.WECHAT_OPEN_BASE_URL || 'https://open.weixin.qq.com',
      apiBase: env.WECHAT_API_BASE_URL || 'https://api.weixin.qq.com',
      fetch: (...args) => fetch(...args),
    },
  }
}

/** Whether any WeChat sign-in is set up: the sign-in screens show the button only then. */
export const wechatLoginAvailable = () => {
  const { mp, web } = wechatConfig()
  return Boolean(mp || web)
}
