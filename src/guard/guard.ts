import type { Lang } from '../i18n/index.js';
import type { Matcher } from '../lexicon/index.js';
import { type AbuseCounter, type AbuseRule, type AbuseVerdict, createAbuseCounter } from './abuse.js';
import { type Decision, decide, type GuardHit, originIndex } from './decision.js';
import { applyLabel, type TextLabel } from './label.js';
import { type ApiKind, answerSlots, requestSlots, requestUser } from './openai.js';
import type { Direction, GuardAction, GuardPolicy } from './policy.js';
import { type Replies, replyFor } from './replies.js';
import { createStreamFilter, longestKeyword, type StreamFilter } from './stream-filter.js';

/** One interception, as the guard reports it to whoever records it (the text is the caller's to mask). */
export interface Interception {
  at: Date;
  direction: Direction;
  risk: string;
  keyword: string;
  keywordId: string;
  action: GuardAction | 'suspend';
  /** the end user as given (the recorder hashes it) */
  user: string | undefined;
  /** the text around the hit, unmasked: records must mask personal information before storing */
  excerpt: string;
}

export interface GuardOptions {
  matcher: Matcher;
  policy: GuardPolicy;
  replies: Replies;
  lang: Lang;
  label?: TextLabel | undefined;
  /** the abusive-user rule, or undefined to turn it off */
  abuse?: AbuseRule | undefined;
  checkInput?: boolean;
  checkOutput?: boolean;
  /** called for every interception (flag, mask, block, suspend) */
  onInterception?: (i: Interception) => void;
  clock?: () => Date;
}

export type InputVerdict =
  | { kind: 'pass'; body: unknown; changed: boolean; hits: GuardHit[] }
  | { kind: 'block'; reply: string; hits: GuardHit[]; risk: string }
  | { kind: 'suspended'; reply: string; until: Date };

export interface Guard {
  readonly holdBack: number;
  /** Checks a request body (parsed JSON; masked in place on `mask`). `user` overrides the body's. */
  checkInput(body: unknown, user?: string): InputVerdict;
  /** Checks one whole text in a direction (records its hits). */
  checkText(text: string, direction: Direction, user?: string): Decision;
  /** Checks a whole (non-streamed) answer, rewriting it in place; true when it was blocked. */
  checkAnswer(
    body: unknown,
    kind: ApiKind,
    user?: string,
  ): { blocked: boolean; changed: boolean; hits: GuardHit[] };
  /** A filter for one streamed answer. */
  stream(kind: ApiKind, user?: string): StreamFilter;
  /** The canned reply for a risk. */
  reply(risk: string): string;
  /** Users suspended now (as given to the guard). */
  suspended(): Array<{ user: string; until: Date }>;
}

const EXCERPT = 40;

/** The guard's checks, in-process: the proxy, the Hono middleware and library users call these. */
export function createGuard(o: GuardOptions): Guard {
  const clock = o.clock ?? (() => new Date());
  const origins = originIndex(o.matcher);
  const counter: AbuseCounter | undefined = o.abuse ? createAbuseCounter(o.abuse) : undefined;
  const holdBack = longestKeyword(o.matcher);
  const reply = (risk: string) => replyFor(o.replies, risk, o.lang);

  const report = (
    direction: Direction,
    text: string,
    hits: readonly GuardHit[],
    user: string | undefined,
  ) => {
    if (!o.onInterception) return;
    const at = clock();
    for (const h of hits)
      o.onInterception({
        at,
        direction,
        risk: h.risk,
        keyword: h.keyword,
        keywordId: h.keywordId,
        action: h.action,
        user,
        excerpt: text.slice(Math.max(0, h.start - EXCERPT), h.end + EXCERPT),
      });
  };

  const checkText = (text: string, direction: Direction, user?: string): Decision => {
    const d = decide(o.matcher, o.policy, text, origins);
    if (d.hits.length) report(direction, text, d.hits, user);
    return d;
  };

  const suspension = (v: AbuseVerdict, user: string, hit: GuardHit | undefined): InputVerdict | undefined => {
    if (!v.suspended || !v.until) return undefined;
    if (v.justSuspended && o.onInterception && hit)
      o.onInterception({
        at: clock(),
        direction: 'input',
        risk: hit.risk,
        keyword: hit.keyword,
        keywordId: hit.keywordId,
        action: 'suspend',
        user,
        excerpt: '',
      });
    return {
      kind: 'suspended',
      reply: o.replies.suspended[o.lang] ?? o.replies.suspended.zh,
      until: v.until,
    };
  };

  return {
    holdBack,
    checkText,
    reply,
    checkInput(body, given) {
      const user = given ?? requestUser(body);
      if (counter && user) {
        const s = suspension(counter.check(user, clock()), user, undefined);
        if (s) return s;
      }
      if (o.checkInput === false) return { kind: 'pass', body, changed: false, hits: [] };
      const hits: GuardHit[] = [];
      let changed = false;
      let block: GuardHit | undefined;
      for (const s of requestSlots(body)) {
        const text = s.get();
        const d = checkText(text, 'input', user);
        hits.push(...d.hits);
        if (d.action === 'block') block ??= d.hits.find((h) => h.action === 'block');
        if (d.text !== text) {
          s.set(d.text);
          changed = true;
        }
      }
      const violating = hits.some((h) => h.action !== 'flag');
      // The input that triggers a suspension is still answered (blocked); the next one is refused.
      if (counter && user)
        suspension(
          counter.record(user, violating, clock()),
          user,
          hits.find((h) => h.action !== 'flag'),
        );
      if (block) return { kind: 'block', reply: reply(block.risk), hits, risk: block.risk };
      return { kind: 'pass', body, changed, hits };
    },
    checkAnswer(body, _kind, user) {
      const hits: GuardHit[] = [];
      let blocked = false;
      let changed = false;
      for (const { choice, text } of answerSlots(body)) {
        const before = text.get();
        let t = before;
        if (o.checkOutput !== false) {
          const d = checkText(t, 'output', user);
          hits.push(...d.hits);
          const b = d.hits.find((h) => h.action === 'block');
          if (b) {
            t = reply(b.risk);
            choice.finish_reason = 'content_filter';
            blocked = true;
          } else t = d.text;
        }
        if (o.label) t = applyLabel(t, o.label);
        if (t !== before || blocked) {
          text.set(t);
          changed = true;
        }
      }
      return { blocked, changed, hits };
    },
    stream(kind, user) {
      if (o.checkOutput === false && !o.label?.enabled)
        return { push: (out) => ({ out, hits: [] }), end: () => ({ out: '', hits: [] }) };
      const filter = createStreamFilter({
        matcher: o.matcher,
        policy: o.checkOutput === false ? { ...o.policy, default: 'flag', risks: {} } : o.policy,
        kind,
        reply,
        label: o.label,
        origins,
        holdBack,
      });
      // A streamed hit is recorded with its keyword as the excerpt: the window is gone by then.
      const note = (step: ReturnType<StreamFilter['push']>) => {
        if (step.hits.length && o.checkOutput !== false)
          for (const h of step.hits)
            report('output', h.keyword, [{ ...h, start: 0, end: h.keyword.length }], user);
        return step;
      };
      return { push: (chunk) => note(filter.push(chunk)), end: () => note(filter.end()) };
    },
    suspended: () => counter?.suspended(clock()) ?? [],
  };
}
