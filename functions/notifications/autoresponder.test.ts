import { describe, expect, it } from 'vitest'

import { renderAutoresponder } from './autoresponder'

describe('renderAutoresponder', () => {
  it.each<[string, { subject: string; body: string; name: string }, { subject: string; html: string; text: string }]>([
    [
      'a plain English reply',
      { subject: 'Thanks, {name}', body: 'Dear {name},\n\nWe will call you soon.\nThe team', name: 'Ada' },
      {
        subject: 'Thanks, Ada',
        html: '<p>Dear Ada,</p>\n<p>We will call you soon.<br>The team</p>',
        text: 'Dear Ada,\n\nWe will call you soon.\nThe team',
      },
    ],
    [
      'a Chinese reply',
      { subject: '{name}，感谢您的留言', body: '{name} 您好：\n\n我们会尽快联系您。', name: '李雷' },
      {
        subject: '李雷，感谢您的留言',
        html: '<p>李雷 您好：</p>\n<p>我们会尽快联系您。</p>',
        text: '李雷 您好：\n\n我们会尽快联系您。',
      },
    ],
    [
      'a hostile name, escaped in HTML only',
      { subject: 'Hi {name}', body: 'Hi {name} & co', name: '<script>alert("x")</script>' },
      {
        subject: 'Hi <script>alert("x")</script>',
        html: '<p>Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>',
        text: 'Hi <script>alert("x")</script> & co',
      },
    ],
    [
      'markup written by the editor, escaped too',
      { subject: 'Hello', body: "<b>Bold</b> isn't bold", name: '' },
      { subject: 'Hello', html: '<p>&lt;b&gt;Bold&lt;/b&gt; isn&#39;t bold</p>', text: "<b>Bold</b> isn't bold" },
    ],
    [
      'a name that tries to add a mail header',
      { subject: 'Hi {name}', body: 'Hi', name: 'Ada\r\nBcc: all@example.com' },
      { subject: 'Hi Ada Bcc: all@example.com', html: '<p>Hi</p>', text: 'Hi' },
    ],
    [
      'no name, every placeholder filled, Windows line ends',
      { subject: '{name}{name}', body: 'A {name}\r\n\r\n\r\nB {name}', name: '' },
      { subject: '', html: '<p>A</p>\n<p>B</p>', text: 'A\n\n\nB' },
    ],
    [
      'a name that looks like a placeholder',
      { subject: '{name}', body: '{name}', name: '{name}$&' },
      { subject: '{name}$&', html: '<p>{name}$&amp;</p>', text: '{name}$&' },
    ],
  ])('%s', (_, input, expected) => expect(renderAutoresponder(input)).toEqual(expected))
})
