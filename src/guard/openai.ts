/**
 * The parts of OpenAI-compatible bodies the guard reads and rewrites: the user's text in a request,
 * the model's text in an answer and in a streamed chunk. Bodies are plain JSON values; everything
 * not named here passes through untouched.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A place holding text inside a parsed body: read it with get, replace it with set. */
export interface TextSlot {
  get(): string;
  set(text: string): void;
}

const slot = (holder: Json, key: string): TextSlot => ({
  get: () => holder[key] as string,
  set: (t) => {
    holder[key] = t;
  },
});

/** The user's text in a chat or completions request: user messages (string or text parts), or `prompt`. */
export function requestSlots(body: unknown): TextSlot[] {
  if (!isObj(body)) return [];
  const out: TextSlot[] = [];
  if (Array.isArray(body.messages)) {
    for (const m of body.messages) {
      if (!isObj(m) || m.role !== 'user') continue;
      if (typeof m.content === 'string') out.push(slot(m, 'content'));
      else if (Array.isArray(m.content))
        for (const p of m.content) if (isObj(p) && typeof p.text === 'string') out.push(slot(p, 'text'));
    }
  }
  if (typeof body.prompt === 'string') out.push(slot(body, 'prompt'));
  else if (Array.isArray(body.prompt))
    body.prompt.forEach((p, i) => {
      if (typeof p === 'string') out.push(slot(body.prompt as Json, String(i)));
    });
  return out;
}

/** The request's end-user id (`user` field), if any. */
export const requestUser = (body: unknown): string | undefined =>
  isObj(body) && typeof body.user === 'string' && body.user !== '' ? body.user : undefined;

export const wantsStream = (body: unknown): boolean => isObj(body) && body.stream === true;

/** Text of each choice of a whole answer: `message.content` (chat) or `text` (completions). */
export function answerSlots(body: unknown): Array<{ choice: Json; text: TextSlot }> {
  if (!isObj(body) || !Array.isArray(body.choices)) return [];
  const out: Array<{ choice: Json; text: TextSlot }> = [];
  for (const c of body.choices) {
    if (!isObj(c)) continue;
    if (isObj(c.message) && typeof c.message.content === 'string')
      out.push({ choice: c, text: slot(c.message, 'content') });
    else if (typeof c.text === 'string') out.push({ choice: c, text: slot(c, 'text') });
  }
  return out;
}

/** Text of each choice of a streamed chunk: `delta.content` (chat) or `text` (completions). */
export function chunkSlots(body: unknown): TextSlot[] {
  if (!isObj(body) || !Array.isArray(body.choices)) return [];
  const out: TextSlot[] = [];
  for (const c of body.choices) {
    if (!isObj(c)) continue;
    if (isObj(c.delta) && typeof c.delta.content === 'string') out.push(slot(c.delta, 'content'));
    else if (typeof c.text === 'string') out.push(slot(c, 'text'));
  }
  return out;
}

export type ApiKind = 'chat' | 'completions';

/** A chunk carrying `text` as the first choice's content, shaped like the upstream's chunks. */
export function textChunk(kind: ApiKind, like: unknown, text: string, finish: string | null): Json {
  const base = isObj(like) ? like : {};
  const head: Json = {
    id: typeof base.id === 'string' ? base.id : 'beian-guard',
    object: kind === 'chat' ? 'chat.completion.chunk' : 'text_completion',
    created: typeof base.created === 'number' ? base.created : 0,
    model: typeof base.model === 'string' ? base.model : 'beian-guard',
  };
  const choice: Json =
    kind === 'chat'
      ? { index: 0, delta: text === '' ? {} : { content: text }, finish_reason: finish }
      : { index: 0, text, finish_reason: finish };
  return { ...head, choices: [choice] };
}

/** A whole answer carrying `text`, for a request blocked before it reached the model. */
export function textAnswer(
  kind: ApiKind,
  model: unknown,
  text: string,
  finish: string,
  created: number,
): Json {
  const head = {
    id: 'beian-guard',
    object: kind === 'chat' ? 'chat.completion' : 'text_completion',
    created,
    model: typeof model === 'string' ? model : 'beian-guard',
  };
  const choice =
    kind === 'chat'
      ? { index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }
      : { index: 0, text, finish_reason: finish };
  return { ...head, choices: [choice], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } };
}

export const requestModel = (body: unknown): unknown => (isObj(body) ? body.model : undefined);
