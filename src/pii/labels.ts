import type { PiiType } from './types.js';

/** Display names of the PII types (reports) and the tags written by the `tag` strategy. */
export const PII_LABELS: Record<PiiType, { zh: string; en: string }> = {
  'cn-id-card': { zh: '身份证', en: 'Resident ID' },
  'cn-mobile': { zh: '手机号', en: 'Mobile number' },
  'cn-landline': { zh: '固定电话', en: 'Landline' },
  'bank-card': { zh: '银行卡', en: 'Bank card' },
  'cn-uscc': { zh: '统一社会信用代码', en: 'USCC' },
  passport: { zh: '护照', en: 'Passport' },
  'cn-travel-permit': { zh: '港澳台通行证', en: 'HK/Macau/Taiwan permit' },
  'cn-plate': { zh: '车牌', en: 'Licence plate' },
  email: { zh: '邮箱', en: 'Email' },
  ip: { zh: 'IP地址', en: 'IP address' },
  mac: { zh: 'MAC地址', en: 'MAC address' },
  'url-credentials': { zh: '带凭据URL', en: 'URL with credentials' },
  'person-name': { zh: '姓名', en: 'Person name' },
  address: { zh: '地址', en: 'Address' },
};
