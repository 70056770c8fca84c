import { en } from './en/index.js';
import { zh } from './zh/index.js';

/** Chinese first; English on request (`--lang en`). */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export type MessageKey = keyof typeof zh;
/** A message inside a message (e.g. why a file could not be read), translated in the same language. */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}
export type MessageParams = Record<string, string | number | MessageRef>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Returns a translator; `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  const t: Translate = (key, params) => {
    const template = catalogue[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? t(value.key, value.params) : String(value);
    });
  };
  return t;
}

/** Joins list items with the language's separator (、 in Chinese). */
export const joinList = (items: readonly string[], lang: Lang): string =>
  items.join(translator(lang)('list.sep'));

/** Picks the language half of a bilingual text held in data. */
export interface Bilingual {
  zh: string;
  en: string;
}
export const pick = (text: Bilingual, lang: Lang): string => text[lang];
