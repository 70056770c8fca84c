import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/index.js';
import type { CliContext } from '../../context.js';
import { askService, multiAnswer } from './prompts.js';

const ENTER = '\r';
const DOWN = '\u001b[B';
const SPACE = ' ';

/** Drives the prompts like a person: waits for each question, then types the keys. */
function terminal(script: [question: string, keys: string][]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  let step = 0;
  output.on('data', (d: Buffer) => {
    screen += d.toString('utf8');
    const next = script[step];
    if (next && screen.includes(next[0])) {
      step++;
      screen = '';
      setTimeout(() => {
        for (const k of next[1]) input.write(k);
      }, 5);
    }
  });
  return { io: { input, output }, screen: () => screen };
}

const ctx = {
  t: translator('zh'),
  lang: 'zh',
  cwd: '/tmp',
  err: () => {},
  out: () => {},
  now: () => new Date(),
} as unknown as CliContext;

describe('interactive questionnaire', () => {
  it('maps the explicit choices: unanswered stays open, nothing is []', () => {
    expect(multiAnswer(['__unanswered__'])).toBeUndefined();
    expect(multiAnswer(['__nothing__'])).toEqual([]);
    expect(multiAnswer(['rank', 'recommend'])).toEqual(['rank', 'recommend']);
  });

  it('shows 未回答 as a choice, never clack\'s "none", and leaves unanswered questions out', async () => {
    let seen = '';
    const t = terminal([
      ['服务名称', `商城搜索${ENTER}`],
      ['面向中国境内公众', ENTER], // 是
      ['算法做什么', `${DOWN}${DOWN}${SPACE}${ENTER}`], // rank
      ['服务形式', `${SPACE}${ENTER}`], // 未回答
      ['舆论属性', `${DOWN}${DOWN}${ENTER}`], // 未回答
      ['生成或编辑哪些内容', `${DOWN}${SPACE}${ENTER}`], // 不生成任何内容
      ['模型来源', ENTER], // none
      ['处理个人信息', `${DOWN}${ENTER}`], // 否
    ]);
    t.io.output.on('data', (d: Buffer) => {
      seen += d.toString('utf8');
    });
    const project = await askService(ctx, t.io);
    expect(seen).toContain('未回答（不确定，列为待确认）');
    expect(seen).toContain('不生成任何内容');
    expect(seen).not.toMatch(/\bnone\b/);
    expect(project.services[0]?.answers).toEqual({
      publicMainland: true,
      functions: ['rank'],
      generates: [],
      faceVoice: false,
      technicalSupport: false,
      model: { source: 'none' },
      personalInfo: { processed: false },
    });
  }, 20_000);
});
