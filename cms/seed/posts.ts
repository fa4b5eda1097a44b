import type { Payload } from 'payload'

import type { CategorySlug } from './categories'
import { doc, h2, type LexicalDoc, ol, p, quote, strong, ul } from './lexical'
import { createLocalized, type Localized } from './localized'
import type { MediaIds, MediaKey } from './media'

interface PostText {
  title: string
  excerpt: string
  body: LexicalDoc
}

interface PostSpec {
  slug: string
  categories: CategorySlug[]
  cover: MediaKey
  /** How long ago it was published, so the demo blog always looks recently maintained. */
  daysAgo: number
  text: Localized<PostText>
}

/** The demo blog: nine articles, each category holding at least three. */
export const POSTS: PostSpec[] = [
  {
    slug: 'owned-channels-first',
    categories: ['private-traffic', 'brand-strategy'],
    cover: 'coverOwned',
    daysAgo: 212,
    text: {
      'zh-CN': {
        title: '私域不是流量池，是品牌的家',
        excerpt: '很多品牌把私域理解为“更便宜的流量”。真正的私域，是顾客愿意再回来的地方，而这个地方首先应该是品牌自己的官网。',
        body: doc(
          p(
            '过去三年，我们几乎在每一次客户会议上都会听到“私域”这个词。它常常被说成一个池子：把公域里买来的流量倒进去，再慢慢“收割”。这个比喻的问题在于，池子里的水不会记得你。',
          ),
          h2('租来的地方，记不住你的顾客'),
          p(
            '在平台上，每一次曝光、每一次点击都是租来的。算法一变，触达率就跟着变；账号一旦受限，多年积累的关注者就与品牌失去了联系。更重要的是，顾客读过什么、问过什么、何时表达过兴趣，这些数据都留在了平台的后台，而不是品牌自己的数据库里。',
          ),
          h2('家，是顾客愿意再回来的地方'),
          p(
            '我们建议客户换一个比喻：私域是品牌的家。公众号、视频号、小红书、微博、展会上的海报，都是通往这个家的门；而家本身，是品牌拥有域名、拥有数据的官网。',
          ),
          ul([
            [strong('门可以很多，家只有一个：'), '每个渠道都把人带回同一个官网，而不是各自为政。'],
            [strong('来访要被记住：'), '首次触点和最近一次触点都应该记录在品牌自己的数据库里。'],
            [strong('留下联系方式要有理由：'), '一份白皮书、一次诊断、一场活动，比“关注我们”更有说服力。'],
          ]),
          quote('流量是租来的，关系是自己的。品牌价值，最终沉淀在那些愿意再回来的人身上。'),
          p('从下周开始，不妨做一件小事：检查一下你所有渠道的简介和菜单里，有多少个链接指向品牌官网。这个数字，往往就是私域建设的起点。'),
        ),
      },
      en: {
        title: 'Owned channels are a home, not a traffic pool',
        excerpt:
          'Many brands treat owned channels as “cheaper traffic”. The real thing is a place customers choose to come back to, and that place should start with the brand’s own website.',
        body: doc(
          p(
            'For three years the Chinese term 私域, private-domain traffic, has come up in almost every client meeting we have had. It is usually described as a pool: pour in traffic bought on platforms, then “harvest” it slowly. The trouble with the metaphor is that water in a pool does not remember you.',
          ),
          h2('A rented place forgets your customers'),
          p(
            'On a platform every impression and every click is rented. When the algorithm changes, reach changes with it; when an account is restricted, years of followers lose touch with the brand. Worse, what customers read, what they asked and when they showed interest all stay in the platform’s back office rather than the brand’s own database.',
          ),
          h2('A home is where customers choose to return'),
          p(
            'We suggest our clients swap metaphors: owned channels are the brand’s home. The WeChat account, Channels, Xiaohongshu, Weibo and the poster at a trade fair are doors into that home; the home itself is the website whose domain and data the brand owns.',
          ),
          ul([
            [strong('Many doors, one home: '), 'every channel brings people back to the same website instead of running its own island.'],
            [strong('Visits are remembered: '), 'the first touch and the latest touch are recorded in the brand’s own database.'],
            [strong('Give a reason to leave details: '), 'a white paper, an audit or an event persuades better than “follow us”.'],
          ]),
          quote('Traffic is rented; relationships are owned. Brand value ends up with the people who choose to come back.'),
          p(
            'Start with something small next week: count how many links in your channel bios and menus point at the brand’s website. That number is usually where building an owned channel begins.',
          ),
        ),
      },
    },
  },
  {
    slug: 'wechat-to-website',
    categories: ['private-traffic'],
    cover: 'coverOwned',
    daysAgo: 184,
    text: {
      'zh-CN': {
        title: '从公众号到官网：把关注者变成线索',
        excerpt: '公众号的关注数很好看，但销售团队真正需要的是能联系的人。四个步骤，把阅读变成官网上的一条线索。',
        body: doc(
          p(
            '一家做工业传感器的客户，公众号有四万关注者，每月却只有个位数的询盘。问题不在内容质量，而在于读者读完之后，没有一个自然的下一步。',
          ),
          h2('为什么关注者不等于线索'),
          p(
            '关注是一个很轻的动作，它表达的是“我对你有一点兴趣”。销售团队需要的是更重的信号：姓名、公司、需求，以及这个人是从哪里来的。私域运营的关键，就是在这两者之间铺一条顺畅的路。',
          ),
          h2('四个步骤'),
          ol([
            '每篇推文的结尾，给出一个与正文相关的下一步，例如“下载选型清单”，链接到官网的落地页。',
            '落地页只做一件事：一个简短的表单，加上一段说明留下信息之后会发生什么。',
            '链接带上来源参数，让官网记住这位访客来自哪一篇推文、哪一个菜单。',
            '线索进入数据库后几秒钟内通知销售，并附上对方读过的内容。',
          ]),
          p('三个月后，这家客户的月询盘从 6 条增加到 41 条，而公众号的发文频率并没有变。变化的只是：每一次阅读，都有了一个去处。'),
        ),
      },
      en: {
        title: 'From WeChat followers to website leads',
        excerpt:
          'Follower counts look good, but sales needs people it can contact. Four steps turn a read on WeChat into a lead on the brand’s website.',
        body: doc(
          p(
            'One of our clients makes industrial sensors. Its WeChat official account has forty thousand followers and, until last year, received a handful of enquiries a month. The content was fine; readers simply had no natural next step once they finished an article.',
          ),
          h2('Why followers are not leads'),
          p(
            'Following is a light gesture: “I am a little interested”. Sales needs heavier signals: a name, a company, a need, and where the person came from. Running an owned channel well means paving a smooth road between the two.',
          ),
          h2('Four steps'),
          ol([
            'End every article with a next step that fits its subject, such as “download the selection checklist”, linking to a landing page on the website.',
            'Let the landing page do one thing: a short form, and a sentence saying what happens after someone fills it in.',
            'Tag every link with its source, so the website remembers which article or menu a visitor came from.',
            'Tell sales within seconds of a lead reaching the database, along with what the person has read.',
          ]),
          p(
            'Three months later the client’s monthly enquiries had gone from 6 to 41, with the same number of articles. The only change: every read now had somewhere to go.',
          ),
        ),
      },
    },
  },
  {
    slug: 'qr-codes-that-count',
    categories: ['private-traffic'],
    cover: 'coverQr',
    daysAgo: 151,
    text: {
      'zh-CN': {
        title: '每一个二维码都应该被计数',
        excerpt: '展会易拉宝、产品包装、名片背面：线下的二维码是私域最常见的入口，却也是最常被“放养”的入口。',
        body: doc(
          p(
            '在 B2B 营销里，线下物料上的二维码常常比任何广告都带来更多访问。可是当我们问客户“哪一张海报带来的线索最多”时，很少有人答得上来。',
          ),
          h2('一个码，一个来源'),
          p(
            '做法并不复杂：每一种物料、每一场活动，使用各自的短链接生成二维码。访客扫码后先到达品牌官网的短链接，再被带到目标页面；这一跳之间，来源就被记录了下来。',
          ),
          ul([
            '展会海报与会刊广告分开计数，不要共用一个码。',
            '短链接的目标可以在印刷之后修改，活动结束后把它指向新的内容，而不是一个失效页面。',
            '按扫码次数、留资数量和最终成交三个数字来评估一件物料，而不是只看扫码次数。',
          ]),
          h2('数字会改变预算'),
          p(
            '一家客户在统计了半年之后发现，产品包装内的说明卡带来的成交，比展会主视觉多出三倍。第二年，他们把一部分展会预算挪到了包装设计上。这就是让每一个二维码都被计数的意义：营销决策有了依据。',
          ),
        ),
      },
      en: {
        title: 'Every QR code should be counted',
        excerpt:
          'Trade-fair banners, product packaging, the back of a business card: offline QR codes are the most common door into an owned channel, and the least looked after.',
        body: doc(
          p(
            'In B2B marketing the QR codes on printed material often bring more visits than any ad. Yet when we ask clients which poster brought the most leads, few can answer.',
          ),
          h2('One code, one source'),
          p(
            'The method is simple. Every piece of print and every event gets its own short link, and its QR code is made from that link. A visitor who scans lands on the short link on the brand’s domain first and is then sent on to the target page; in that one hop, the source is recorded.',
          ),
          ul([
            'Count the fair poster and the catalogue ad separately; never share one code.',
            'A short link’s target can change after printing: when the event is over, point it at new content rather than a dead page.',
            'Judge a piece of print by three numbers, scans, leads and won deals, not by scans alone.',
          ]),
          h2('The numbers move budgets'),
          p(
            'After six months of counting, one client found that the instruction card inside its product packaging led to three times as many deals as its trade-fair key visual. The following year part of the fair budget went to packaging design. That is the point of counting every code: marketing decisions get evidence.',
          ),
        ),
      },
    },
  },
  {
    slug: 'content-calendar-b2b',
    categories: ['content-marketing'],
    cover: 'coverCalendar',
    daysAgo: 126,
    text: {
      'zh-CN': {
        title: 'B2B 内容日历：一年 48 篇，不靠灵感',
        excerpt: '内容营销最大的敌人不是预算，而是断更。一份按季度规划、按周执行的内容日历，让团队不再等待灵感。',
        body: doc(
          p(
            '我们见过太多企业的博客：第一个月发了八篇，第三个月一篇，半年后停在一篇“新年快乐”上。内容营销之所以难坚持，是因为它被当成了一件需要灵感的事。',
          ),
          h2('先定主题，再定篇目'),
          p(
            '一年 48 篇，意味着每周一篇、留出四周余量。我们建议先确定三到四个长期主题，它们应当对应销售过程中客户最常问的问题，然后每个季度围绕一个主题展开。',
          ),
          ul([
            [strong('问题型：'), '客户在选型时最担心什么？每个担心都是一篇文章。'],
            [strong('案例型：'), '一个客户、一个问题、一个可量化的结果。'],
            [strong('观点型：'), '品牌对行业趋势的判断，体现品牌价值与专业度。'],
          ]),
          h2('按周执行的节奏'),
          p('周一确定选题与提纲，周三完成初稿，周四由业务同事审阅事实，周五排期发布。写作不再依赖某一个人的状态，而是一条流水线。'),
          quote('坚持一年的普通内容，胜过三个月的精彩内容。'),
        ),
      },
      en: {
        title: 'A B2B content calendar: 48 articles a year, no inspiration needed',
        excerpt:
          'The biggest enemy of content marketing is not budget but silence. A calendar planned by quarter and run by week stops the team waiting for inspiration.',
        body: doc(
          p(
            'We have seen too many company blogs with eight posts in the first month, one in the third, and a last “Happy New Year” six months later. Content marketing is hard to sustain because it is treated as something that needs inspiration.',
          ),
          h2('Themes first, titles second'),
          p(
            'Forty-eight articles a year means one a week with four weeks to spare. Start with three or four long-running themes that match the questions customers ask most often during a sale, then give each quarter one theme.',
          ),
          ul([
            [strong('Questions: '), 'what worries customers most when they choose a supplier? Each worry is an article.'],
            [strong('Cases: '), 'one customer, one problem, one measurable result.'],
            [strong('Points of view: '), 'the brand’s reading of where the industry is going, which shows its expertise and brand value.'],
          ]),
          h2('A weekly rhythm'),
          p(
            'Monday: topic and outline. Wednesday: first draft. Thursday: a colleague from the business checks the facts. Friday: scheduled for publishing. Writing stops depending on one person’s mood and becomes a production line.',
          ),
          quote('A year of ordinary content beats three months of brilliant content.'),
        ),
      },
    },
  },
  {
    slug: 'xiaohongshu-for-b2b',
    categories: ['content-marketing', 'private-traffic'],
    cover: 'coverFormats',
    daysAgo: 98,
    text: {
      'zh-CN': {
        title: '小红书适合 B2B 品牌吗？',
        excerpt: '小红书常被看作消费品牌的阵地。但采购经理、工程师和创业者也在上面搜索答案，B2B 品牌可以用另一种方式出现。',
        body: doc(
          p('“我们卖的是工业软件，小红书上有我们的客户吗？”这是今年我们被问得最多的问题之一。答案是：有，只是他们不以“客户”的身份出现。'),
          h2('人在搜索，而不是在逛'),
          p(
            '越来越多的职场人把小红书当作搜索引擎：如何搭建 CRM、第一次参加海外展会要准备什么、怎样写一份供应商评估表。这些搜索背后，都是真实的业务需求。',
          ),
          h2('B2B 品牌的三种出场方式'),
          ul([
            '以员工个人身份分享工作方法，而不是发布产品广告。',
            '把官网上的长文拆成图文笔记，每篇只讲清楚一个问题。',
            '在主页和笔记中提供一个明确的下一步，例如“评论区领取模板”，再引导到官网的表单页。',
          ]),
          p(
            '小红书上的内容营销不必追求爆款。对于 B2B 品牌，一篇笔记能持续半年被搜索到、每月带来几条高质量线索，就已经是很好的结果。最终，这些线索都应当回到品牌自己的私域里。',
          ),
        ),
      },
      en: {
        title: 'Does Xiaohongshu work for B2B brands?',
        excerpt:
          'Xiaohongshu is seen as home turf for consumer brands. But procurement managers, engineers and founders search it for answers too, and B2B brands can show up differently.',
        body: doc(
          p(
            '“We sell industrial software. Are our customers on Xiaohongshu?” It is one of the questions we heard most this year. The answer is yes; they just do not appear there as customers.',
          ),
          h2('People search, they do not browse'),
          p(
            'More and more professionals use Xiaohongshu as a search engine: how to set up a CRM, what to prepare for a first trade fair abroad, how to write a supplier assessment. Behind each of those searches is a real business need.',
          ),
          h2('Three ways a B2B brand can appear'),
          ul([
            'Employees share how they work, in their own name, instead of the brand posting product ads.',
            'Long articles from the website are cut into illustrated notes that each answer one question.',
            'The profile and every note offer one clear next step, such as “get the template”, leading to a form on the website.',
          ]),
          p(
            'Content marketing on Xiaohongshu does not need viral hits. For a B2B brand, a note that is still found in search six months later and brings a few good leads a month is a fine result. And those leads should end up in the brand’s own database.',
          ),
        ),
      },
    },
  },
  {
    slug: 'one-article-ten-formats',
    categories: ['content-marketing'],
    cover: 'coverFormats',
    daysAgo: 71,
    text: {
      'zh-CN': {
        title: '一篇文章，十种形态',
        excerpt: '写一篇好文章需要两天，把它变成十种形态只需要半天。内容复用，是小团队做内容营销的杠杆。',
        body: doc(
          p(
            '内容团队常常抱怨“没东西可写”，而官网上那篇三千字的深度文章，发布一周后就再也没人提起。其实，一篇扎实的长文，足够支撑一个月的渠道内容。',
          ),
          h2('从一篇长文出发'),
          ol([
            '公众号全文首发，结尾引导到官网下载完整版。',
            '拆出三张信息图，用于小红书与微博。',
            '提炼一句核心观点，做成朋友圈海报。',
            '录一段三分钟的口播视频，发布到视频号与 B 站。',
            '整理为领英上的英文短文，面向海外客户。',
          ]),
          p('剩下的五种形态，可以是邮件简报、销售团队的话术卡片、线下讲座的幻灯片、客户问答集和一次直播的提纲。'),
          h2('复用，但不复制'),
          p(
            '每个渠道的读者期待不同：小红书读者要的是“能马上用”，领英读者要的是“有观点”。复用的是研究和观点，重写的是表达。所有形态都指向同一个官网页面，让品牌价值在一个地方累积。',
          ),
        ),
      },
      en: {
        title: 'One article, ten formats',
        excerpt:
          'A good article takes two days to write and half a day to turn into ten formats. Reuse is the lever that lets a small team do content marketing.',
        body: doc(
          p(
            'Content teams often say they have nothing to write about, while the 3,000-word article on the website is forgotten a week after it goes live. One solid long read is enough to feed a month of channel content.',
          ),
          h2('Start from one long article'),
          ol([
            'Publish it in full on the WeChat account first, ending with a link to the complete version on the website.',
            'Cut three infographics out of it for Xiaohongshu and Weibo.',
            'Distil its central point into one line on a poster for WeChat Moments.',
            'Record a three-minute talking-head video for Channels and Bilibili.',
            'Rewrite it as a short English piece on LinkedIn for customers abroad.',
          ]),
          p(
            'The other five formats can be an email newsletter, talking-point cards for the sales team, slides for a talk, a customer Q&A and the outline of a livestream.',
          ),
          h2('Reuse, do not copy'),
          p(
            'Readers expect different things in each channel: on Xiaohongshu they want something they can use today, on LinkedIn a point of view. What is reused is the research and the argument; what is rewritten is the telling. Every format points to the same page on the website, so brand value builds up in one place.',
          ),
        ),
      },
    },
  },
  {
    slug: 'brand-value-in-numbers',
    categories: ['brand-strategy'],
    cover: 'coverValue',
    daysAgo: 46,
    text: {
      'zh-CN': {
        title: '品牌价值如何出现在报表里',
        excerpt: '“品牌很重要”说服不了财务总监。把品牌价值翻译成三个能持续追踪的数字，品牌预算才有底气。',
        body: doc(
          p('每年做预算时，品牌投入总是最先被削减的一项。原因很简单：效果广告有点击和转化，品牌建设却只有一句“长期有价值”。'),
          h2('三个可以追踪的数字'),
          ul([
            [strong('直接访问与品牌词搜索：'), '有多少人不经过广告，直接找到了你。'],
            [strong('线索的成交率：'), '从官网来的线索，是否比从平台来的更容易成交。'],
            [strong('销售周期：'), '认识你品牌的客户，是否决策得更快。'],
          ]),
          p('这三个数字都不需要昂贵的调研，只需要品牌拥有自己的官网和线索数据库，并且记录每一位访客的来源。'),
          h2('从一次性的调研，到持续的仪表盘'),
          p(
            '我们建议把这三个数字放进每月的营销例会，与销售数据并排展示。半年之后，品牌与销售之间的对话会变得不一样：大家讨论的不再是“品牌有没有用”，而是“哪一种内容让品牌更有用”。',
          ),
        ),
      },
      en: {
        title: 'Showing brand value in the numbers',
        excerpt:
          '“Brand matters” does not convince a CFO. Translate brand value into three numbers you can track over time, and the brand budget has a case.',
        body: doc(
          p(
            'Every budget season, brand spending is the first line to be cut. The reason is simple: performance ads have clicks and conversions, while brand building only has “long-term value”.',
          ),
          h2('Three numbers you can track'),
          ul([
            [strong('Direct visits and branded search: '), 'how many people found you without an ad.'],
            [strong('Lead-to-deal rate: '), 'whether leads from the website close more often than leads from platforms.'],
            [strong('Sales cycle: '), 'whether customers who know the brand decide faster.'],
          ]),
          p(
            'None of the three needs expensive research. It takes a brand-owned website and lead database, and a record of where every visitor came from.',
          ),
          h2('From a one-off study to a standing dashboard'),
          p(
            'Put these three numbers on the agenda of the monthly marketing meeting, next to the sales figures. Six months on, the conversation between brand and sales changes: nobody asks whether the brand is useful any more, only which content makes it more useful.',
          ),
        ),
      },
    },
  },
  {
    slug: 'positioning-one-sentence',
    categories: ['brand-strategy'],
    cover: 'coverValue',
    daysAgo: 24,
    text: {
      'zh-CN': {
        title: '一句话定位：写给 B2B 创始人的练习',
        excerpt: '如果销售、客服和官网首页对“我们是谁”的说法各不相同，问题不在执行，而在定位。一个练习，帮你写出那一句话。',
        body: doc(
          p('我们给每位新客户的第一个作业，是请公司里的五个人分别写下“我们为谁、解决什么问题、为什么是我们”。五个答案几乎从不一致。'),
          h2('一个句式'),
          quote('我们帮助【谁】在【什么情境下】做到【什么结果】，因为我们【独特的能力或证据】。'),
          p(
            '这个句式看起来简单，难点在于每个空都必须具体。“帮助企业提升效率”不是定位；“帮助年营收一到五亿的制造企业，在三个月内把询盘转化率提高一倍”才是。',
          ),
          h2('写完之后'),
          ul([
            '官网首页的首屏标题与这一句保持一致。',
            '销售的开场白与这一句保持一致。',
            '每一篇内容营销的选题，都回答这一句里的某个部分。',
          ]),
          p('定位不是一句口号，而是一份筛选清单：它告诉团队哪些事该做，哪些客户该追，哪些内容不必写。'),
        ),
      },
      en: {
        title: 'Positioning in one sentence: an exercise for B2B founders',
        excerpt:
          'When sales, support and the home page each describe the company differently, the problem is positioning, not execution. One exercise helps you write the sentence.',
        body: doc(
          p(
            'The first assignment we give every new client is to ask five people in the company to write down who we serve, what problem we solve and why us. The five answers almost never agree.',
          ),
          h2('One sentence pattern'),
          quote('We help [whom], in [which situation], achieve [what result], because we [a distinctive ability or proof].'),
          p(
            'The pattern looks easy; the hard part is making every blank specific. “Helping companies become more efficient” is not a position. “Helping manufacturers with revenue of 100 to 500 million yuan double their enquiry conversion within three months” is.',
          ),
          h2('Once it is written'),
          ul([
            'The headline of the home page says the same thing.',
            'The sales team’s opening line says the same thing.',
            'Every content-marketing topic answers some part of it.',
          ]),
          p(
            'A position is not a slogan but a filter: it tells the team what to do, which customers to pursue and which content need not be written.',
          ),
        ),
      },
    },
  },
  {
    slug: 'first-touch-last-touch',
    categories: ['brand-strategy', 'content-marketing'],
    cover: 'coverAttribution',
    daysAgo: 8,
    text: {
      'zh-CN': {
        title: '首次触点与最后触点：营销归因入门',
        excerpt: '一条线索到底该算在哪个渠道头上？与其争论，不如同时记录首次触点和最后触点，让两种视角一起说话。',
        body: doc(
          p(
            '市场部说这条线索来自三个月前的一篇公众号文章，广告代理商说它来自昨天的一次搜索广告点击。两边都没错，他们只是在看同一个人的不同时刻。',
          ),
          h2('两种视角'),
          ul([
            [strong('首次触点：'), '这个人第一次来到官网的来源。它回答“是谁让客户认识了我们”，适合评估内容营销和品牌投入。'],
            [strong('最后触点：'), '转化之前最近一次的来源。它回答“是什么促成了这次行动”，适合评估活动和广告。'],
          ]),
          h2('记录的前提'),
          p(
            '归因需要数据，而数据需要留在品牌自己手里。官网应该在访客第一次到来时就记下来源，并且永不覆盖；之后每一次带着新来源的访问，更新最后触点。当访客留下联系方式，两个触点一起附在这条线索上。',
          ),
          p(
            '有了这两组数字，营销团队就能回答更好的问题：哪些渠道擅长让人认识品牌，哪些渠道擅长促成行动，私域里的内容又在其中扮演了什么角色。',
          ),
        ),
      },
      en: {
        title: 'First touch, last touch: an introduction to attribution',
        excerpt:
          'Which channel gets credit for a lead? Instead of arguing, record both the first touch and the last touch and let the two views speak together.',
        body: doc(
          p(
            'Marketing says a lead came from a WeChat article three months ago; the ad agency says it came from yesterday’s search-ad click. Neither is wrong: they are looking at different moments of the same person.',
          ),
          h2('Two views'),
          ul([
            [
              strong('First touch: '),
              'where the person came from on their first visit to the website. It answers “who introduced this customer to us” and suits judging content marketing and brand spend.',
            ],
            [
              strong('Last touch: '),
              'the latest source before the conversion. It answers “what prompted them to act” and suits judging campaigns and ads.',
            ],
          ]),
          h2('What recording takes'),
          p(
            'Attribution needs data, and the data has to stay with the brand. The website should note the source of a visitor’s first arrival and never overwrite it, then update the last touch on every later visit that brings a new source. When the visitor leaves their details, both touches are attached to the lead.',
          ),
          p(
            'With both sets of numbers a marketing team can ask better questions: which channels are good at introducing the brand, which are good at prompting action, and what part the content on its owned channels plays in between.',
          ),
        ),
      },
    },
  },
]

/** Creates the published posts, their covers and categories attached. */
export async function seedPosts(
  payload: Payload,
  { media, categories, author }: { media: MediaIds; categories: Record<CategorySlug, number>; author: number | null },
): Promise<void> {
  const now = Date.now()
  for (const post of POSTS) {
    const shared = {
      slug: post.slug,
      _status: 'published' as const,
      publishedAt: new Date(now - post.daysAgo * 86_400_000).toISOString(),
      coverImage: media[post.cover],
      categories: post.categories.map((slug) => categories[slug]),
      author,
    }
    await createLocalized(payload, 'posts', shared, post.text)
  }
}
