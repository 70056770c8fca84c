import type { Bilingual } from '../i18n/index.js';
import type { FlagCode } from './check.js';
import type { SourceType } from './schema.js';

/** Bilingual labels used in reports and the materials table (data, not UI chrome). */
export const SOURCE_TYPE_LABELS: Record<SourceType, Bilingual> = {
  'open-source': { zh: '开源语料', en: 'Open-source' },
  'self-collected': { zh: '自采语料', en: 'Self-collected' },
  commercial: { zh: '商业语料', en: 'Commercial' },
  'user-generated': { zh: '用户生成', en: 'User-generated' },
};

export const COLLECTION_LABELS: Record<string, Bilingual> = {
  crawler: { zh: '网络爬取', en: 'Crawler' },
  api: { zh: '接口获取', en: 'API' },
  purchase: { zh: '采购', en: 'Purchase' },
  'user-upload': { zh: '用户上传', en: 'User upload' },
  partner: { zh: '合作方提供', en: 'Partner' },
  manual: { zh: '人工整理', en: 'Manual' },
  other: { zh: '其他', en: 'Other' },
};

/** What each flag means; `{rate}`, `{max}`, `{pii}` are filled from the flag's data. */
export const FLAG_LABELS: Record<FlagCode, Bilingual> = {
  'missing-licence': { zh: '开源语料未注明许可证', en: 'Open-source data without a licence' },
  'missing-authorisation': {
    zh: '缺少采集协议或授权依据',
    en: 'No collection agreement or authorisation reference',
  },
  'crawl-without-basis': {
    zh: '爬取语料未说明 robots 协议/服务条款依据',
    en: 'Crawled without a stated robots/terms basis',
  },
  'pi-without-consent': {
    zh: '含个人信息但无同意或其他合法性基础（检出 {pii} 处）',
    en: 'Personal information without a consent basis ({pii} found)',
  },
  'pi-undeclared': {
    zh: '声明不含个人信息，但扫描检出 {pii} 处',
    en: 'Declared free of personal information, but {pii} found by the scan',
  },
  'foreign-not-reviewed': {
    zh: '境外语料使用前未做内容安全审核（无违法不良信息抽检结果）',
    en: 'Foreign source not content-reviewed before use (no illegal-content scan result)',
  },
  'illegal-rate-exceeded': {
    zh: '违法不良信息比例 {rate} 超过标准上限 {max}',
    en: 'Illegal-content rate {rate} exceeds the standard maximum {max}',
  },
  'not-scanned': { zh: '尚无违法不良信息抽检结果', en: 'No illegal-content scan result yet' },
};
