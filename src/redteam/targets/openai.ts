import { BeianError } from '../../errors.js';
import type { OpenAiTargetConfig } from './config.js';
import { targetId } from './config.js';
import {
  exchange,
  type Target,
  type TargetDeps,
  TargetError,
  type TargetReply,
  type TargetRequest,
} from './types.js';

interface ChatCompletion {
  choices?: { message?: { content?: unknown; refusal?: unknown } }[];
}

/** Extracts the answer from a chat-completions reply; a malformed body is a retryable failure. */
export function parseChatCompletion(body: string): string {
  let json: ChatCompletion;
  try {
    json = JSON.parse(body) as ChatCompletion;
  } catch {
    throw new TargetError('bad-response', `malformed JSON (${body.length} bytes): ${body.slice(0, 80)}`);
  }
  const msg = json?.choices?.[0]?.message;
  if (typeof msg?.content === 'string') return msg.content;
  if (typeof msg?.refusal === 'string') return msg.refusal;
  throw new TargetError('bad-response', 'no choices[0].message.content in the reply');
}

/**
 * OpenAI-compatible chat completions (OpenAI, vLLM, Ollama, DeepSeek, DashScope compatible mode,
 * GLM, Moonshot, …). The key is read from the environment variable named by `apiKeyEnv` when the
 * target is created and lives only in this closure.
 */
export function createOpenAiTarget(c: OpenAiTargetConfig, deps: TargetDeps): Target {
  let key: string | undefined;
  if (c.apiKeyEnv) {
    key = deps.env[c.apiKeyEnv];
    if (!key) throw BeianError.of('CONFIG_INVALID', 'redteam.target.keyEnvUnset', { name: c.apiKeyEnv });
  }
  const url = `${c.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  return {
    id: targetId(c),
    identity: {
      type: 'openai',
      model: c.model,
      params: { baseUrl: c.baseUrl, system: c.system ?? null, ...c.params },
    },
    async send(req: TargetRequest): Promise<TargetReply> {
      const messages = c.system ? [{ role: 'system', content: c.system }, ...req.messages] : req.messages;
      const { status, body } = await exchange(
        deps,
        url,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: c.model, messages, ...c.params }),
          ...(req.signal ? { signal: req.signal } : {}),
        },
        c.maxResponseBytes,
      );
      return { text: parseChatCompletion(body), status };
    },
  };
}
