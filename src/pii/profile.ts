/**
 * What a text holds, from one pass over its characters: the cheap prefilter every detector reads
 * before it runs its own expressions (most corpus lines hold no long digit run, no @, no street
 * word, so most detectors never touch most lines). Pure.
 */
export interface TextProfile {
  /** longest run of ASCII digits */
  digitRun: number;
  digits: number;
  /** longest run of ASCII letters and digits */
  alnumRun: number;
  han: number;
  upper: boolean;
  at: boolean;
  colon: boolean;
  dot: boolean;
  hyphen: boolean;
  /** a run of digits starts with 0 (an area code: 010, 0755), or a + stands in the text (+86 10…) */
  zeroLead: boolean;
  /** 号 路 街 巷 弄 道 胡 (door numbers and street words) */
  street: boolean;
}

/** 号 路 街 巷 弄 道 胡 村 厦 场 园 寓 苑 区 楼 城 (the last characters of the address detector's place kinds: 小区, 大楼, 商城), by UTF-16 code (a byte read: this runs at every Han character) */
const STREET_CHARS = new Uint8Array(0x10000);
for (const c of '号路街巷弄道胡村厦场园寓苑区楼城') STREET_CHARS[c.charCodeAt(0)] = 1;

export function profileText(text: string): TextProfile {
  let digitRun = 0;
  let digits = 0;
  let alnumRun = 0;
  let han = 0;
  let run = 0;
  let arun = 0;
  let upper = false;
  let at = false;
  let colon = false;
  let dot = false;
  let hyphen = false;
  let zeroLead = false;
  let street = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      // the usual character first: Chinese text is mostly Han
      run = 0;
      arun = 0;
      han++;
      if (STREET_CHARS[c] === 1) street = true;
      continue;
    }
    if (c >= 48 && c <= 57) {
      if (run === 0 && c === 48) zeroLead = true;
      digits++;
      run++;
      arun++;
      if (run > digitRun) digitRun = run;
      if (arun > alnumRun) alnumRun = arun;
      continue;
    }
    run = 0;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (c <= 90) upper = true;
      arun++;
      if (arun > alnumRun) alnumRun = arun;
      continue;
    }
    arun = 0;
    if (c === 64) at = true;
    else if (c === 58) colon = true;
    else if (c === 46) dot = true;
    else if (c === 45) hyphen = true;
    else if (c === 43) zeroLead = true;
  }
  return { digitRun, digits, alnumRun, han, upper, at, colon, dot, hyphen, zeroLead, street };
}
