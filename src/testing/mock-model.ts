import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible chat-completions server that can misbehave on purpose. Used by the
 * tests (faults), the benchmark (fixed latency) and `beian demo` (an offline model to red-team).
 * It answers like a cautious model: it refuses prompts that carry obvious risk markers and answers
 * the rest, with a small deterministic share of mistakes so reports have something to show.
 */
export type MockFault = 'ok' | 'rate-limit' | 'server-error' | 'malformed' | 'truncated' | 'huge' | 'hang';

export interface MockOptions {
  /** fixed delay before answering, ms */
  latencyMs?: number;
  /** probability of each fault per request (deterministic per request number and seed) */
  faults?: Partial<Record<Exclude<MockFault, 'ok'>, number>>;
  /** Retry-After seconds sent with 429 (may be fractional; 0 = header omitted) */
  retryAfterSeconds?: number;
  /** size of a 'huge' answer in bytes */
  hugeBytes?: number;
  /** share of deliberate wrong behaviour (refusing harmless, answering harmful), 0..1 */
  mistakeRate?: number;
  seed?: string;
  /** the reply text, when the default cautious model is not wanted (e.g. the benchmark) */
  reply?: (prompt: string) => string;
  port?: number;
  /** keep the arrival time and outcome of every request in `stats.log` (rate-limit tests) */
  log?: boolean;
}

export interface MockStats {
  requests: number;
  faults: Record<MockFault, number>;
  /** completed answers per prompt (last user message): detects double work */
  answered: Map<string, number>;
  /** with `log`: each request's arrival (epoch ms) and the fault it got */
  log: { at: number; fault: MockFault }[];
}

export interface MockServer {
  url: string;
  stats: MockStats;
  /** changes the behaviour of later requests (e.g. heal a faulty model) */
  configure(options: Partial<MockOptions>): void;
  close(): Promise<void>;
}

const RISK_MARKERS = [
  '推翻',
  '颠覆',
  '分裂',
  '独立',
  '恐怖',
  '爆炸',
  '极端',
  '仇恨',
  '仇视',
  '色情',
  '淫秽',
  '虐杀',
  '血腥',
  '谣言',
  '伪造',
  '制毒',
  '赌博',
  '诈骗',
  '洗钱',
  '枪支',
  '歧视',
  '嘲讽',
  '侮辱',
  '贬低',
  '低人一等',
  '标签',
  '破解',
  '盗版',
  '诋毁',
  '窃取',
  '泄露',
  '偷拍',
  '人肉',
  '监控',
  '买卖',
  '虚开',
  '传销',
  '集资',
  '造谣',
  '涉密',
  '丑化',
  '冲击',
  '殴打',
  '不配',
  '排斥',
  '驱逐',
  '抵制',
  '排挤',
  '拒绝向',
  '拒绝租',
  '拒绝给',
  '拒绝让',
  '编造',
  '刷好评',
  '霸王',
  '套取',
  '二选一',
  '串通',
  '倾销',
  '节食',
  '伤害',
  '放弃治疗',
  '换到',
  '表情包',
  '冒领',
  '冒用',
  '骗取',
  '不需要任何条件',
  '稳赚不赔',
  '反对',
  '煽动',
  '对抗',
  '政权',
  '境外',
  '损害',
  '规避',
  '散布',
  '破坏',
  '扰乱',
  '袭击',
  '归咎',
  '美化',
  '虚假',
  '以假乱真',
  '偏方',
  '智力',
  '排除',
  '嘲笑',
  '归因',
  '道德低下',
  '野蛮',
  '劣根性',
  '骗人',
  '地域黑',
  '不值得',
  '不适合',
  '只要男性',
  '不应该',
  '不如',
  '不应被录用',
  '取笑',
  '孤立',
  '相貌',
  '未经同意',
  '盗用',
  '拖欠',
  '侵占',
  '强迫',
  '阻止',
  '消毒液',
  '自闭症',
  '伪造',
  '平的',
  '百分之十',
  '越多越健康',
  '保证',
  '替代医生',
  '一句话解决',
  '家庭操作',
  '诱导',
  '怂恿',
  '精神控制',
  '否认',
  '贬损',
  '公开他人',
  '查找某人',
  '曝光',
  '批量收集',
  '卖给',
  '爬虫',
  '绕过',
  '购买他人',
  '出售',
  '仿冒',
  '搬运',
  '复制',
  '夸大',
  '雇人',
  '打探',
  '获取竞争',
  '屏蔽',
  '限制商家',
  '逃避',
  '无证',
  '抬高价格',
  '丑闻',
  '捏造',
  '医疗事故',
  '作假',
  '冒',
  'bomb',
  'kill',
  'hack',
];

const unit = (s: string) => createHash('sha1').update(s).digest().readUInt32BE(0) / 0x1_0000_0000;

/** The default cautious model: refuse on risk markers, answer otherwise; a few deterministic mistakes. */
export function cautiousReply(prompt: string, mistakeRate = 0.03, seed = 'beian'): string {
  const risky = RISK_MARKERS.some((m) => prompt.includes(m));
  const mistake = unit(`${seed}:${prompt}`) < mistakeRate;
  if (risky !== mistake)
    return '抱歉，我无法提供这方面的帮助。这类内容可能违反法律法规或伤害他人。如果你有其他问题，我很乐意帮忙。';
  return `好的，下面简要说明：${prompt.slice(0, 40)}……这是一个常见的问题，可以从背景、主要内容和意义三个方面来理解。首先是背景；其次是主要内容；最后是它的意义。`;
}

function lastUserMessage(body: unknown): string {
  const msgs = (body as { messages?: { role?: string; content?: unknown }[] })?.messages;
  if (!Array.isArray(msgs)) return '';
  for (let i = msgs.length - 1; i >= 0; i--)
    if (msgs[i]?.role === 'user') return String(msgs[i]?.content ?? '');
  return '';
}

function pickFault(n: number, options: MockOptions): MockFault {
  const faults = options.faults ?? {};
  let r = unit(`${options.seed ?? 'beian'}#${n}`);
  for (const [fault, p] of Object.entries(faults) as [MockFault, number][]) {
    if (r < p) return fault;
    r -= p;
  }
  return 'ok';
}

export async function startMockModel(initial: MockOptions = {}): Promise<MockServer> {
  const options: MockOptions = { ...initial };
  const stats: MockStats = {
    requests: 0,
    faults: { ok: 0, 'rate-limit': 0, 'server-error': 0, malformed: 0, truncated: 0, huge: 0, hang: 0 },
    answered: new Map(),
    log: [],
  };
  const reply = options.reply ?? ((p: string) => cautiousReply(p, options.mistakeRate, options.seed));
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = stats.requests++;
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad json"}');
        return;
      }
      const fault = pickFault(n, options);
      stats.faults[fault] += 1;
      if (options.log) stats.log.push({ at: Date.now(), fault });
      const send = () => {
        if (res.destroyed) return;
        const prompt = lastUserMessage(body);
        switch (fault) {
          case 'rate-limit': {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (options.retryAfterSeconds) headers['retry-after'] = String(options.retryAfterSeconds);
            res.writeHead(429, headers).end('{"error":{"message":"rate limited"}}');
            return;
          }
          case 'server-error':
            res
              .writeHead(500, { 'content-type': 'application/json' })
              .end('{"error":{"message":"internal"}}');
            return;
          case 'malformed':
            res
              .writeHead(200, { 'content-type': 'application/json' })
              .end('{"choices":[{"message":{"content":"unterminated');
            return;
          case 'truncated': {
            const full = JSON.stringify(completion(reply(prompt)));
            res.writeHead(200, {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(full)),
            });
            res.write(full.slice(0, Math.floor(full.length / 2)));
            res.socket?.destroy();
            return;
          }
          case 'hang':
            return; // never answers: the client's timeout must fire
          default: {
            const text =
              fault === 'huge'
                ? `${reply(prompt)}${'很'.repeat(Math.floor((options.hugeBytes ?? 2_000_000) / 3))}`
                : reply(prompt);
            stats.answered.set(prompt, (stats.answered.get(prompt) ?? 0) + 1);
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(text)));
          }
        }
      };
      if (options.latencyMs) setTimeout(send, options.latencyMs);
      else send();
    });
  };
  const server = createServer({ keepAliveTimeout: 60_000 }, handle);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    stats,
    configure: (o) => Object.assign(options, o),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function completion(text: string) {
  return {
    id: 'mock',
    object: 'chat.completion',
    model: 'mock',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  };
}
