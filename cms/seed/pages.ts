import type { Payload } from 'payload'

import type { Page } from '../payload-types'
import type { FormIds } from './forms'
import { doc, h2, p, strong, ul } from './lexical'
import { createLocalized, type Localized } from './localized'
import type { MediaIds } from './media'
import { whitePaperLayout } from './white-paper'

type Layout = NonNullable<Page['layout']>
type Link = { label: string; type: 'page' | 'url'; page?: number | null; url?: string | null }

/** A link to a page of the site, by id. */
export function pageLink(label: string, page: number): Link {
  return { label, type: 'page', page }
}

/** A link to a path or full URL. */
export function urlLink(label: string, url: string): Link {
  return { label, type: 'url', url }
}

/** Ids of the pages other pages link to; filled in as pages are created. */
export interface PageIds {
  home: number
  about: number
  contact: number
  springLaunch: number
  whitePaper: number
}

function aboutLayout(media: MediaIds, ids: Pick<PageIds, 'contact'>): Localized<Layout> {
  return {
    'zh-CN': [
      {
        blockType: 'hero',
        heading: '关于朱砂',
        text:
          '朱砂品牌咨询 2014 年成立于上海，是一家专注 B2B 品牌与私域增长的咨询公司。' +
          '我们帮助企业把分散在各个平台的关注，' +
          '带回品牌自己的官网与数据库。',
        image: media.aboutHero,
        actions: [{ link: pageLink('与我们聊聊', ids.contact) }],
      },
      {
        blockType: 'richText',
        content: doc(
          h2('我们相信什么'),
          p(
            '朱砂是中国传统印泥的颜色。一枚印章盖下去，代表承诺，也代表归属。' +
              '我们希望每个品牌都拥有这样一块属于自己的地方：' +
              '顾客在这里认识你、信任你，并且愿意再回来。',
          ),
          p(
            '十年来，我们服务过工业制造、企业软件、专业服务与高端消费品等行业的 120 ' +
              '多家企业，从定位梳理、' +
              '内容营销到官网与线索体系搭建，陪伴品牌把营销投入沉淀为可以持续积累的品牌价值。',
          ),
          h2('我们怎么工作'),
          ul([
            [strong('先诊断，后方案：'), '用两周时间梳理现有渠道、内容与线索数据，找出真正的瓶颈。'],
            [strong('小团队，长陪伴：'), '每个项目由一位合伙人带领，核心成员不超过五人。'],
            [strong('交付能力，而不是报告：'), '项目结束时，客户团队能够独立运营自己的内容与私域体系。'],
          ]),
        ),
      },
      { blockType: 'mediaBlock', image: media.studio, caption: '策略、内容、渠道：朱砂的三段式工作方法' },
      {
        blockType: 'testimonials',
        heading: '客户怎么说',
        items: [
          {
            quote: '朱砂没有给我们一份厚厚的报告，而是一套我们自己就能运转的内容日历和线索流程。',
            name: '周敏',
            role: '市场总监，启衡精密',
          },
          {
            quote: '半年之后，官网第一次成为销售团队最重要的线索来源。',
            name: 'Daniel Wu',
            role: '首席执行官，澜拓软件',
          },
        ],
      },
    ],
    en: [
      {
        blockType: 'hero',
        heading: 'About Cinnabar',
        text:
          'Cinnabar Brand Partners was founded in Shanghai in 2014. We are a consultancy for B2B brands and owned-channel growth, ' +
          'helping companies bring the attention scattered across platforms back to their own website and database.',
        image: media.aboutHero,
        actions: [{ link: pageLink('Talk to us', ids.contact) }],
      },
      {
        blockType: 'richText',
        content: doc(
          h2('What we believe'),
          p(
            'Cinnabar is the red of the traditional Chinese seal paste. Pressing a seal means a promise, and it means belonging. ' +
              'We want every brand to own a place like that: where customers get to know it, trust it and choose to come back.',
          ),
          p(
            'Over ten years we have worked with more than 120 companies in manufacturing, enterprise software, ' +
              'professional services and premium consumer goods, from positioning and content marketing to websites and lead ' +
              'handling, turning marketing spend into brand value that keeps adding up.',
          ),
          h2('How we work'),
          ul([
            [
              strong('Diagnosis before proposals: '),
              'two weeks to map existing channels, content and lead data and find the real bottleneck.',
            ],
            [strong('Small teams, long partnerships: '), 'every project is led by a partner, with a core team of five at most.'],
            [strong('Capabilities, not reports: '), 'when a project ends, the client’s team runs its own content and owned channels.'],
          ]),
        ),
      },
      { blockType: 'mediaBlock', image: media.studio, caption: 'Strategy, content, channels: Cinnabar’s three-part method' },
      {
        blockType: 'testimonials',
        heading: 'What clients say',
        items: [
          {
            quote: 'Cinnabar did not hand us a thick report. It gave us a content calendar and a lead process we run ourselves.',
            name: 'Zhou Min',
            role: 'Marketing Director, Qiheng Precision',
          },
          {
            quote: 'Within six months our website became the sales team’s most important source of leads.',
            name: 'Daniel Wu',
            role: 'CEO, Lantuo Software',
          },
        ],
      },
    ],
  }
}

function contactLayout(forms: FormIds): Localized<Layout> {
  return {
    'zh-CN': [
      {
        blockType: 'richText',
        content: doc(
          h2('与朱砂聊聊'),
          p('无论你正在筹备新官网、想让公众号带来更多线索，还是只想听听外部的意见，都欢迎留言。我们会在一个工作日内回复。'),
          ul([
            [strong('地址：'), '上海市静安区南京西路 1266 号 恒隆广场二座 28 楼'],
            [strong('邮箱：'), 'hello@cinnabar.example'],
            [strong('电话：'), '021-5888 0000（工作日 9:30–18:30）'],
          ]),
        ),
      },
      {
        blockType: 'formSlot',
        heading: '留下你的需求',
        text: '填写下面的表单，告诉我们你的行业与当前最想解决的问题。',
        form: forms.contact,
      },
    ],
    en: [
      {
        blockType: 'richText',
        content: doc(
          h2('Talk to Cinnabar'),
          p(
            'Whether you are planning a new website, want your WeChat account to bring more leads, ' +
              'or simply want an outside opinion, leave us a message. We reply within one working day.',
          ),
          ul([
            [strong('Address: '), '28F, Tower 2, Plaza 66, 1266 West Nanjing Road, Jing’an, Shanghai'],
            [strong('Email: '), 'hello@cinnabar.example'],
            [strong('Phone: '), '+86 21 5888 0000 (weekdays 9:30–18:30)'],
          ]),
        ),
      },
      {
        blockType: 'formSlot',
        heading: 'Tell us what you need',
        text: 'Fill in the form below with your industry and the problem you most want to solve.',
        form: forms.contact,
      },
    ],
  }
}

function springLaunchLayout(media: MediaIds, forms: FormIds): Localized<Layout> {
  return {
    'zh-CN': [
      {
        blockType: 'hero',
        heading: '春季私域启动营：30 天搭好你的官网线索体系',
        text: '四周、四次工作坊、一位专属顾问。面向 B2B 市场团队，名额限 12 家企业。',
        image: media.springLaunch,
      },
      {
        blockType: 'featureCards',
        heading: '四周你将完成',
        cards: [
          { title: '第一周：渠道盘点', text: '列出所有把人带到官网的入口，为每个入口设定来源标记。' },
          { title: '第二周：落地页与表单', text: '为最重要的一项内容做一张只做一件事的落地页。' },
          { title: '第三周：线索流转', text: '线索几秒钟内到达销售邮箱，附上来源与阅读记录。' },
          { title: '第四周：复盘与仪表盘', text: '按渠道、活动和二维码查看访问、线索与成交。' },
        ],
      },
      {
        blockType: 'formSlot',
        heading: '报名早鸟名额',
        text: '提交后，顾问会在两个工作日内与你确认企业情况与开营时间。',
        form: forms.springLaunch,
      },
      {
        blockType: 'faq',
        heading: '常见问题',
        items: [
          {
            question: '启动营适合什么样的企业？',
            answer: '已有公众号或其他社交账号、希望把关注者转化为线索的 B2B 企业，市场团队两人以上为宜。',
          },
          {
            question: '需要我们自己有技术团队吗？',
            answer: '不需要。启动营使用朱砂提供的官网模板，你的团队只需要准备内容与业务信息。',
          },
          {
            question: '费用如何计算？',
            answer: '按企业收费，包含四次工作坊和一个月的顾问支持。早鸟名额享受九折。',
          },
        ],
      },
    ],
    en: [
      {
        blockType: 'hero',
        heading: 'Spring owned-channel workshop: your website lead system in 30 days',
        text: 'Four weeks, four workshops, one dedicated consultant. For B2B marketing teams; places for 12 companies.',
        image: media.springLaunch,
      },
      {
        blockType: 'featureCards',
        heading: 'What you will have done in four weeks',
        cards: [
          { title: 'Week 1: channel audit', text: 'List every door that brings people to your website and give each one a source tag.' },
          {
            title: 'Week 2: landing page and form',
            text: 'Build a landing page that does one thing, for your most important piece of content.',
          },
          { title: 'Week 3: lead routing', text: 'Leads reach the sales inbox within seconds, with their source and what they read.' },
          { title: 'Week 4: review and dashboard', text: 'See visits, leads and deals by channel, campaign and QR code.' },
        ],
      },
      {
        blockType: 'formSlot',
        heading: 'Book an early-bird place',
        text: 'After you submit, a consultant confirms your details and start date within two working days.',
        form: forms.springLaunch,
      },
      {
        blockType: 'faq',
        heading: 'Questions',
        items: [
          {
            question: 'Who is the workshop for?',
            answer:
              'B2B companies with a WeChat account or other social accounts that want to turn followers into leads, ' +
              'ideally with a marketing team of two or more.',
          },
          {
            question: 'Do we need our own developers?',
            answer: 'No. The workshop uses Cinnabar’s website template; your team brings the content and business details.',
          },
          {
            question: 'How is it priced?',
            answer: 'Per company, including four workshops and one month of consultant support. Early-bird places get 10% off.',
          },
        ],
      },
    ],
  }
}

function homeLayout(media: MediaIds, ids: Omit<PageIds, 'home'>): Localized<Layout> {
  return {
    'zh-CN': [
      {
        blockType: 'hero',
        heading: '让顾客来到品牌自己的地方',
        text:
          '朱砂品牌咨询帮助 B2B 企业把公众号、小红书、展会和广告带来的关注，' +
          '沉淀到品牌自己的官网与数据库：看得见来源，接得住线索，' +
          '留得下关系。',
        image: media.homeHero,
        actions: [{ link: pageLink('预约免费诊断', ids.contact) }, { link: urlLink('阅读营销洞察', '/blog') }],
      },
      {
        blockType: 'featureCards',
        heading: '我们做三件事',
        cards: [
          {
            title: '私域体系搭建',
            text: '从渠道入口、来源追踪到线索流转，搭好品牌自己的官网与数据库。',
            link: urlLink('私域运营文章', '/blog/category/private-traffic'),
          },
          {
            title: '内容营销引擎',
            text: '一份按周执行的内容日历，一篇长文拆成十种形态，让内容持续带来线索。',
            link: urlLink('内容营销文章', '/blog/category/content-marketing'),
          },
          {
            title: '品牌战略与衡量',
            text: '一句话定位，三个可追踪的数字，让品牌价值出现在报表里。',
            link: pageLink('了解朱砂', ids.about),
          },
        ],
      },
      { blockType: 'latestPosts', heading: '最新洞察', limit: 3 },
      {
        blockType: 'testimonials',
        heading: '客户怎么说',
        items: [
          {
            quote: '三个月里，官网询盘从每月 6 条增长到 41 条，而我们的发文频率一点没变。',
            name: '李文涛',
            role: '市场负责人，恒感科技',
          },
          {
            quote: '第一次能回答“哪张海报带来了订单”这个问题，展会预算也因此重新分配。',
            name: '陈珂',
            role: '品牌经理，森和包装',
          },
          {
            quote: '朱砂把我们的定位浓缩成一句话，销售、客服和官网终于说的是同一件事。',
            name: 'Anna Lin',
            role: '联合创始人，序点数据',
          },
        ],
      },
      {
        blockType: 'faq',
        heading: '常见问题',
        items: [
          {
            question: '私域一定要做社群吗？',
            answer: '不一定。对多数 B2B 品牌来说，私域的核心是品牌官网与线索数据库，社群只是可选的一种入口。',
          },
          {
            question: '一个项目通常需要多长时间？',
            answer: '诊断两周；私域体系搭建通常需要六到十周，内容营销陪跑以季度为单位。',
          },
          {
            question: '你们服务哪些行业？',
            answer: '以工业制造、企业软件和专业服务为主，也服务少量高端消费品牌。',
          },
          {
            question: '可以只做内容营销吗？',
            answer: '可以。但我们会先确认内容有一个“去处”：读者读完之后，能在官网上采取下一步行动。',
          },
        ],
      },
      {
        blockType: 'callToAction',
        heading: '先聊 30 分钟，看看你的私域从哪里开始',
        text: '告诉我们你的行业和渠道现状，我们会给出三条可以立刻执行的建议。',
        actions: [{ link: pageLink('预约诊断', ids.contact) }, { link: pageLink('了解春季启动营', ids.springLaunch) }],
      },
    ],
    en: [
      {
        blockType: 'hero',
        heading: 'Bring customers to a place your brand owns',
        text:
          'Cinnabar Brand Partners helps B2B companies turn the attention that WeChat, Xiaohongshu, ' +
          'trade fairs and ads bring into visits to the brand’s own website and database: every source seen, every lead caught, ' +
          'every relationship kept.',
        image: media.homeHero,
        actions: [{ link: pageLink('Book a free audit', ids.contact) }, { link: urlLink('Read our insights', '/blog') }],
      },
      {
        blockType: 'featureCards',
        heading: 'We do three things',
        cards: [
          {
            title: 'Owned channels',
            text: 'From channel entry points and source tracking to lead routing: the brand’s own website and database, set up.',
            link: urlLink('Private-traffic articles', '/blog/category/private-traffic'),
          },
          {
            title: 'A content-marketing engine',
            text: 'A content calendar run by the week, one long read turned into ten formats: content that keeps bringing leads.',
            link: urlLink('Content-marketing articles', '/blog/category/content-marketing'),
          },
          {
            title: 'Brand strategy and measurement',
            text: 'A one-sentence position and three numbers to track, so brand value shows up in the reports.',
            link: pageLink('About Cinnabar', ids.about),
          },
        ],
      },
      { blockType: 'latestPosts', heading: 'Latest insights', limit: 3 },
      {
        blockType: 'testimonials',
        heading: 'What clients say',
        items: [
          {
            quote: 'In three months our website enquiries went from 6 a month to 41, and we did not publish a single extra article.',
            name: 'Li Wentao',
            role: 'Head of Marketing, Hengan Sensors',
          },
          {
            quote: 'For the first time we could say which poster led to an order, and we moved our trade-fair budget accordingly.',
            name: 'Chen Ke',
            role: 'Brand Manager, Senhe Packaging',
          },
          {
            quote: 'Cinnabar boiled our positioning down to one sentence. Sales, support and the website finally say the same thing.',
            name: 'Anna Lin',
            role: 'Co-founder, Xudian Data',
          },
        ],
      },
      {
        blockType: 'faq',
        heading: 'Questions',
        items: [
          {
            question: 'Do owned channels mean running chat groups?',
            answer:
              'Not necessarily. For most B2B brands the core is the brand’s website and lead database; ' +
              'chat groups are one optional way in.',
          },
          {
            question: 'How long does a project take?',
            answer:
              'The audit takes two weeks; setting up owned channels usually takes six to ten weeks; ' +
              'content-marketing support runs by the quarter.',
          },
          {
            question: 'Which industries do you work with?',
            answer: 'Mainly manufacturing, enterprise software and professional services, and a few premium consumer brands.',
          },
          {
            question: 'Can we hire you for content marketing only?',
            answer: 'Yes. We first make sure the content has somewhere to lead: a next step readers can take on your website.',
          },
        ],
      },
      {
        blockType: 'callToAction',
        heading: 'Thirty minutes to find where your owned channel starts',
        text: 'Tell us your industry and your channels today, and we will give you three suggestions you can act on at once.',
        actions: [{ link: pageLink('Book an audit', ids.contact) }, { link: pageLink('See the spring workshop', ids.springLaunch) }],
      },
    ],
  }
}

const TITLES: Record<keyof PageIds, Localized<string>> = {
  home: { 'zh-CN': '首页', en: 'Home' },
  about: { 'zh-CN': '关于我们', en: 'About us' },
  contact: { 'zh-CN': '联系我们', en: 'Contact' },
  springLaunch: { 'zh-CN': '春季私域启动营', en: 'Spring owned-channel workshop' },
  whitePaper: { 'zh-CN': '免费白皮书：让客户落在你自己的官网', en: 'Free white paper: own where customers land' },
}

async function createPage(
  payload: Payload,
  path: string,
  title: Localized<string>,
  layout: Localized<Layout>,
  template: 'default' | 'landing' = 'default',
) {
  const id = await createLocalized(
    payload,
    'pages',
    { path, template, _status: 'published' },
    {
      'zh-CN': { title: title['zh-CN'], layout: layout['zh-CN'] },
      en: { title: title.en, layout: layout.en },
    },
  )
  return id as number
}

/** Creates the published pages, those linked to first; returns their ids. */
export async function seedPages(payload: Payload, media: MediaIds, forms: FormIds): Promise<PageIds> {
  const contact = await createPage(payload, 'contact', TITLES.contact, contactLayout(forms))
  const about = await createPage(payload, 'about', TITLES.about, aboutLayout(media, { contact }))
  const springLaunch = await createPage(
    payload,
    'campaigns/spring-launch',
    TITLES.springLaunch,
    springLaunchLayout(media, forms),
    'landing',
  )
  // The content offer's landing page: the white paper for an email address (cms/seed/white-paper.ts).
  const whitePaper = await createPage(payload, 'campaigns/white-paper', TITLES.whitePaper, whitePaperLayout(media, forms), 'landing')
  const home = await createPage(payload, 'home', TITLES.home, homeLayout(media, { contact, about, springLaunch, whitePaper }))
  return { home, about, contact, springLaunch, whitePaper }
}
