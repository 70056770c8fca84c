import { createRequire } from 'node:module';
import type { Segmenter } from './types.js';

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
}

/**
 * A jieba word segmenter (@node-rs/jieba with its bundled dictionary), loaded on first use:
 * loading costs ~0.4 s, and most scans never need it (only one-character keywords do).
 */
export function jiebaSegmenter(): Segmenter {
  let jieba: JiebaLike | undefined;
  return (text) => {
    if (!jieba) {
      const require = createRequire(import.meta.url);
      const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
      const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
      jieba = Jieba.withDict(dict);
    }
    return jieba.cut(text, true);
  };
}
