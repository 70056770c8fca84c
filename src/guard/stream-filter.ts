import type { Matcher } from '../lexicon/index.js';
import { DROP } from '../lexicon/normalize.js';
import { type GuardHit, toHit } from './decision.js';
import { labelPiece, type TextLabel } from './label.js';
import { type ApiKind, chunkSlots, type TextSlot, textChunk } from './openai.js';
import type { GuardPolicy } from './policy.js';

/**
 * Output filter for an SSE stream of chunks. Events are held back, whole and unchanged, until the
 * text queued after them holds at least as many normalised characters as the longest keyword:
 * a keyword split across chunks then always lies inside the scanned window before any of its
 * characters leaves. Clean events are released byte for byte as they came; only masked events
 * are re-serialised. On a `block` hit the held events are dropped and the caller stops upstream.
 */
export interface StreamStep {
  /** bytes (as text) to send to the client now */
  out: string;
  /** hits found in this step (flag, mask and block), for the records */
  hits: GuardHit[];
  /** set on a block hit: the stream is over, `out` already holds the replacement and the end */
  blocked?: GuardHit;
}

export interface StreamFilterOptions {
  matcher: Matcher;
  policy: GuardPolicy;
  kind: ApiKind;
  /** the replacement text for a blocked answer, by risk */
  reply: (risk: string) => string;
  label?: TextLabel | undefined;
  origins?: ReadonlyMap<string, string>;
  /** the longest keyword in normalised characters (computed from the matcher when omitted) */
  holdBack?: number;
}

interface Held {
  raw: string;
  json: unknown;
  slots: TextSlot[];
  content: string;
  units: number;
  changed: boolean;
  finish: boolean;
}

/** The longest pattern of the matcher, in normalised code units. */
export function longestKeyword(matcher: Matcher): number {
  let max = 0;
  for (const n of matcher.automaton.patLen) if (n > max) max = n;
  return max;
}

const countUnits = (norm: Uint16Array, s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (norm[s.charCodeAt(i)] !== DROP) n++;
  return n;
};

/** Keeps the last `units` normalised characters of s (and the noise between them). */
const tailUnits = (norm: Uint16Array, s: string, units: number): string => {
  let n = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (norm[s.charCodeAt(i)] !== DROP) n++;
    if (n >= units) return s.slice(i);
  }
  return s;
};

const hasFinish = (json: unknown): boolean => {
  const choices = (json as { choices?: unknown })?.choices;
  return Array.isArray(choices) && choices.some((c) => (c as { finish_reason?: unknown })?.finish_reason);
};

export interface StreamFilter {
  /** Feeds upstream text (any split); returns what may go to the client now. */
  push(text: string): StreamStep;
  /** Upstream ended: releases everything still held (after a last check). */
  end(): StreamStep;
}

export function createStreamFilter(o: StreamFilterOptions): StreamFilter {
  const norm = o.matcher.automaton.norm;
  const hold = o.holdBack ?? longestKeyword(o.matcher);
  const origins = o.origins ?? new Map<string, string>();
  const queue: Held[] = [];
  let pending = '';
  let heldUnits = 0;
  /** released text kept as context for the next scans */
  let context = '';
  /** chars released before `context` starts: absolute offsets dedupe flag hits */
  let contextAt = 0;
  const seen = new Set<string>();
  let lastJson: unknown;
  let labelled = !o.label?.enabled;
  let done = false;

  const sse = (json: unknown) => `data: ${JSON.stringify(json)}\n\n`;
  const label = (): string => {
    labelled = true;
    return o.label ? sse(textChunk(o.kind, lastJson, labelPiece(o.label), null)) : '';
  };

  const release = (all: boolean): string => {
    let out = '';
    while (queue.length > 0) {
      const front = queue[0] as Held;
      if (!all && front.units > 0 && heldUnits - front.units < hold) break;
      queue.shift();
      heldUnits -= front.units;
      pending = pending.slice(front.content.length);
      if (!labelled && o.label?.position === 'start' && front.content !== '') out += label();
      if (!labelled && o.label?.position === 'end' && (front.finish || front.json === undefined))
        out += label();
      if (front.changed) {
        let at = 0;
        for (const s of front.slots) {
          const len = s.get().length;
          s.set(front.content.slice(at, at + len));
          at += len;
        }
        out += sse(front.json);
      } else out += front.raw;
      context += front.content;
      const kept = tailUnits(norm, context, hold);
      contextAt += context.length - kept.length;
      context = kept;
    }
    return out;
  };

  const mask = (start: number, end: number): void => {
    let at = 0;
    for (const h of queue) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + h.content.length);
      if (from < to) {
        h.content =
          h.content.slice(0, from - at) + o.policy.maskChar.repeat(to - from) + h.content.slice(to - at);
        h.changed = true;
      }
      at += h.content.length;
    }
    pending = queue.map((h) => h.content).join('');
  };

  /** absolute end of the text already scanned: each scan covers only new text and `hold` units before it */
  let scannedTo = 0;
  const check = (): StreamStep => {
    const full = context + pending;
    const fresh = scannedTo - contextAt;
    const from = fresh - tailUnits(norm, full.slice(0, fresh), hold).length;
    scannedTo = contextAt + full.length;
    const window = full.slice(from);
    const hits: GuardHit[] = [];
    for (const m of o.matcher.scan(window)) {
      if (m.end + from <= fresh) continue;
      const key = `${contextAt + from + m.start}:${m.keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const hit = toHit(m, o.policy, origins.get(m.keyword));
      hits.push(hit);
      if (hit.action === 'block') {
        done = true;
        queue.length = 0;
        pending = '';
        const reply = o.reply(hit.risk);
        const out =
          (labelled ? '' : label()) +
          sse(textChunk(o.kind, lastJson, reply, null)) +
          sse(textChunk(o.kind, lastJson, '', 'content_filter')) +
          'data: [DONE]\n\n';
        return { out, hits, blocked: hit };
      }
      if (hit.action === 'mask')
        mask(Math.max(0, from + m.start - context.length), from + m.end - context.length);
    }
    return { out: '', hits };
  };

  let partial = '';
  const events = (text: string): string[] => {
    partial += text;
    const out: string[] = [];
    let at = 0;
    for (;;) {
      const lf = partial.indexOf('\n\n', at);
      const crlf = partial.indexOf('\r\n\r\n', at);
      if (lf < 0 && crlf < 0) break;
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf + 2;
      out.push(partial.slice(at, end));
      at = end;
    }
    partial = partial.slice(at);
    return out;
  };

  const add = (raw: string): void => {
    let json: unknown;
    let data = '';
    for (const line of raw.split(/\r?\n/))
      if (line.startsWith('data:')) data += line.slice(line[5] === ' ' ? 6 : 5);
    if (data !== '' && data !== '[DONE]') {
      try {
        json = JSON.parse(data);
      } catch {
        json = undefined;
      }
    }
    const slots = json === undefined ? [] : chunkSlots(json);
    const content = slots.map((s) => s.get()).join('');
    if (json !== undefined) lastJson = json;
    const units = countUnits(norm, content);
    queue.push({ raw, json, slots, content, units, changed: false, finish: hasFinish(json) });
    pending += content;
    heldUnits += units;
  };

  return {
    push(text) {
      if (done) return { out: '', hits: [] };
      const hits: GuardHit[] = [];
      let grew = false;
      for (const raw of events(text)) {
        add(raw);
        grew = true;
      }
      if (!grew) return { out: '', hits };
      const step = check();
      if (step.blocked) return step;
      return { out: release(false), hits: step.hits };
    },
    end() {
      if (done) return { out: '', hits: [] };
      if (partial !== '') {
        add(partial);
        partial = '';
      }
      const step = check();
      done = true;
      if (step.blocked) return step;
      let out = release(true);
      if (!labelled && o.label?.position === 'end') out += label();
      return { out, hits: step.hits };
    },
  };
}
