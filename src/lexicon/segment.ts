import { createRequire } from 'node:module';
import type { Segmenter } from './types.js';

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
}

/** One per thread: every matcher of a thread segments with the same dictionary. */
let jieba: JiebaLike | undefined;

function loaded(): JiebaLike {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/**
 * Loads jieba's dictionary now (~0.08 CPU-s, several times that in wall time on a busy machine):
 * a scan thread that waits for its library does it meanwhile, when that library is large enough
 * that its hits will need the word-boundary re-read.
 */
export function preloadSegmenter(): void {
  loaded();
}

/**
 * A jieba word segmenter (@node-rs/jieba with its bundled dictionary), loaded on first use (or
 * by preloadSegmenter): most scans with a small library never need it (one-character keywords
 * and hits joined by folding do).
 */
export function jiebaSegmenter(): Segmenter {
  return (text) => loaded().cut(text, true);
}

/**
 * Thrown by deferringSegmenter: the record needs word boundaries, and this thread has no jieba
 * (its caller judges the record where jieba is loaded).
 */
export class SegmentationDeferred extends Error {
  constructor() {
    super('word segmentation deferred to another thread');
  }
}

/** A segmenter for a thread that leaves segmentation to another: it never loads jieba. */
export function deferringSegmenter(): Segmenter {
  return () => {
    throw new SegmentationDeferred();
  };
}
