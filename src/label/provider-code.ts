/**
 * Provider codes of the TC260 labelling guide (网安秘字〔2025〕29号, ◐): 27 characters =
 * "00" + "11" + an 18-character unified social credit code (organisations) + a service-type
 * character (1 generation, 2 propagation) + a 4-character model/app code.
 * Example from the guide: 001191110102MAD55U9H0F10002.
 */
export interface ProviderCode {
  readonly subjectType: string;
  readonly creditCode: string;
  readonly serviceType: '1' | '2';
  readonly serviceCode: string;
}

export type ProviderCodeProblem =
  | 'length'
  | 'prefix'
  | 'subject-type'
  | 'credit-code-chars'
  | 'credit-code-check'
  | 'service-type'
  | 'service-code';

/** GB 32100-2015 alphabet (no I, O, S, V, Z) and weights of the check character. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check];
}

export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Parses a provider code; returns the problems found (empty when the code is well formed). */
export function checkProviderCode(code: string): { code?: ProviderCode; problems: ProviderCodeProblem[] } {
  const problems: ProviderCodeProblem[] = [];
  if (code.length !== 27) return { problems: ['length'] };
  if (!code.startsWith('00')) problems.push('prefix');
  const subjectType = code.slice(2, 4);
  if (subjectType !== '11') problems.push('subject-type');
  const creditCode = code.slice(4, 22);
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(creditCode)) problems.push('credit-code-chars');
  else if (!isCreditCode(creditCode)) problems.push('credit-code-check');
  const serviceType = code[22];
  if (serviceType !== '1' && serviceType !== '2') problems.push('service-type');
  const serviceCode = code.slice(23);
  if (!/^[0-9A-Za-z]{4}$/.test(serviceCode)) problems.push('service-code');
  if (problems.length > 0) return { problems };
  return { code: { subjectType, creditCode, serviceType: serviceType as '1' | '2', serviceCode }, problems };
}
