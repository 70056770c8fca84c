import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccChecksumOk } from './checksums.js';
import { loadPiiDictionaries } from './load.js';
import { createDetectors } from './registry.js';
import { scanText } from './scan.js';
import type { PiiType } from './types.js';

// Defects seen on real news text (issue 14). Fixtures are our own sentences in the same shape.
const registry = createDetectors(loadPiiDictionaries());
const found = (text: string, type: PiiType) =>
  scanText(text, registry, { types: [type] }).map((f) => text.slice(f.start, f.end));

describe('structured identifiers in real text', () => {
  it('finds a mobile glued to Latin letters', () => {
    expect(found('联系13385010655ISBN978', 'cn-mobile')).toEqual(['13385010655']);
    expect(found('Tel13912345678', 'cn-mobile')).toEqual(['13912345678']);
    const f = scanText('请拨Tel13912345678查询', registry, { types: ['cn-mobile'] })[0];
    expect(f?.confidence).toBe('high');
  });

  it('never reports an 18-digit order number as a USCC', () => {
    // all digits, check character valid by chance: an order number in the shape of a USCC
    const lookAlike = fc.sample(fc.stringMatching(/^[1-9]\d{17}$/), 4000).filter((v) => usccChecksumOk(v));
    expect(lookAlike.length).toBeGreaterThan(20);
    for (const v of lookAlike) {
      expect(found(`订单号${v}已发货`, 'cn-uscc')).toEqual([]);
      for (const f of scanText(`流水号：${v}`, registry))
        expect(f.type === 'cn-uscc' && f.confidence !== 'possible').toBe(false);
    }
  });
});

describe('person names in news text', () => {
  it('finds names after titles and roles, with the title left out', () => {
    expect(found('据侦查局副局长王海涛介绍，案件已告破。', 'person-name')).toEqual(['王海涛']);
    expect(found('晨报记者林晓燕报道', 'person-name')).toEqual(['林晓燕']);
    expect(found('该集团总裁顾建平认为，市场仍在调整。', 'person-name')).toEqual(['顾建平']);
  });

  it('reads a soft stop character (有, 科, 前) as a given-name character only beside a cue', () => {
    expect(found('有请副县长于有彬先生发言', 'person-name')).toEqual(['于有彬']);
    expect(found('信用卡中心总裁韩科说，风险可控', 'person-name')).toEqual(['韩科']);
    expect(found('他说韩科有前途', 'person-name')).toEqual([]);
    // a second given character that starts a suffix (军) still ends a name before a speech verb
    expect(found('吕小军告诉我们，规模在扩大', 'person-name')).toEqual(['吕小军']);
  });

  it('reads more roles, kin and ages as cues before a name', () => {
    expect(found('北京某公司营销主管庞晓东告诉记者', 'person-name')).toEqual(['庞晓东']);
    expect(found('89岁的钱鹤林作品拍出高价', 'person-name')).toEqual(['钱鹤林']);
    expect(found('家庭主妇倪秀英已经习惯了', 'person-name')).toEqual(['倪秀英']);
  });

  it('reads more words after a name as cues, and a speaker label at the start of a line', () => {
    expect(found('影片由卢家栋导演，明年上映', 'person-name')).toEqual(['卢家栋']);
    expect(found('当天邵振邦在接受采访时说', 'person-name')).toEqual(['邵振邦']);
    expect(found('冯志远：我们会继续投入研发。', 'person-name')).toEqual(['冯志远']);
    // a place before a colon is no speaker, nor is 曰 (said) of classical text part of a name
    expect(found('北京：今天有雨', 'person-name')).toEqual([]);
    for (const v of found('孟子曰：“民为贵。”王曰：“善。”', 'person-name')) expect(v).not.toContain('曰');
  });

  it('reads a by-line of two names without a separator as two names', () => {
    expect(found('本报记者冯淼孙立新报道', 'person-name')).toEqual(['冯淼', '孙立新']);
  });

  it('takes no conjunction, speech word or running word after a cue for a name', () => {
    expect(found('他同时还是出色的学者和教师', 'person-name')).toEqual([]);
    expect(found('相关官员曾放出消息', 'person-name')).toEqual([]);
    expect(found('30岁男子张宏侵占财物', 'person-name')).toEqual(['张宏']);
    // 张某 withholds the name already
    expect(found('30岁男子张某侵占财物', 'person-name')).toEqual([]);
  });

  it('reports no fragment of an organisation, a group word or a title as a name', () => {
    expect(found('某科技公司执行总经理郑明远出席', 'person-name')).toEqual(['郑明远']);
    expect(found('他和朋友和同事们一起去了', 'person-name')).toEqual([]);
    expect(found('共和党国会议员提出法案', 'person-name')).toEqual([]);
    expect(found('黄金价格包括运费，项目中方面临压力', 'person-name')).toEqual([]);
  });

  it('finds transliterated, minority and bracketed Latin names', () => {
    expect(found('阿卜杜拉·艾尼瓦尔在会上发言', 'person-name')).toEqual(['阿卜杜拉·艾尼瓦尔']);
    expect(found('主帅莫里尼奥表示球队会反弹', 'person-name')).toEqual(['莫里尼奥']);
    expect(found('导演伊桑·科恩（Ethan Coen）说', 'person-name')).toEqual(['伊桑·科恩', 'Ethan Coen']);
    expect(found('他去了意大利和巴塞罗那', 'person-name')).toEqual([]);
  });

  it('finds a Latin-script name led by a known English given name without a cue', () => {
    expect(found('这部短片由Mike Newell执导', 'person-name')).toEqual(['Mike Newell']);
    expect(found('原作出自JoeGoyette之手', 'person-name')).toEqual(['JoeGoyette']);
    expect(found("《Garry'sMod》很受欢迎，Summer版本也上线了", 'person-name')).toEqual([]);
  });

  it('finds lower-case Latin names after a title, bare given names after a by-line, and 夫/翰 in transliterations', () => {
    expect(found('项目负责人emily女士介绍', 'person-name')).toEqual(['emily']);
    expect(found('访问http后再看blog', 'person-name')).toEqual([]);
    expect(found('■本报记者晓禾报道', 'person-name')).toEqual(['晓禾']);
    expect(found('记者来到了中影基地', 'person-name')).toEqual([]);
    expect(found('发言人格里戈耶夫表示', 'person-name')).toEqual(['格里戈耶夫']);
    // a . or □ standing for a lost · keeps the transliterated name whole
    expect(found('由导演安东尼.马丁执导', 'person-name')).toEqual(['安东尼.马丁']);
  });

  it('reads a three-character entry jieba tags as a person as a name beside a boundary, not a place', () => {
    // 周星驰 is a frequent entry of jieba's list, tagged nr: no ordinary word for all its use
    expect(found('昨晚，周星驰出席了首映礼', 'person-name')).toEqual(['周星驰']);
    expect(found('我们去了夏威夷度假', 'person-name')).toEqual([]);
    // a football club is no name, even beside a cue
    expect(found('主场的尤文表示不服', 'person-name')).toEqual([]);
  });

  it('finds a name again where it recurs in the same text', () => {
    expect(found('研究员梁文博认为风险可控。梁文博还指出', 'person-name')).toEqual(['梁文博', '梁文博']);
  });
});

describe('person names without a cue (word statistics)', () => {
  const names = (text: string) => scanText(text, registry, { types: ['person-name'] });

  it('finds a name that stands in running text with only a comma or a particle beside it', () => {
    expect(found('昨天，刘志明去了学校。', 'person-name')).toEqual(['刘志明']);
    expect(found('我和孙丽华一起去看展览', 'person-name')).toEqual(['孙丽华']);
  });

  it('does not take an ordinary word led by a surname character for a name', () => {
    for (const t of ['这个王国很大', '他的高度很高', '建设文明城市', '湖泊星罗棋布', '和平发展是主题'])
      expect(found(t, 'person-name')).toEqual([]);
  });

  it('does not take a transliterated club or place for a Chinese name', () => {
    expect(found('米德尔主场作战', 'person-name')).toEqual([]);
  });

  it('leaves classical/traditional text and street names before a door number to the cues', () => {
    expect(found('秋來孤雁過，林遠夢難尋', 'person-name')).toEqual([]);
    expect(found('广东省某市闫栋686号', 'person-name')).toEqual([]);
  });

  it('reports a name found by statistics alone as medium, never high', () => {
    const f = names('昨天，刘志明去了学校。');
    expect(f.map((x) => x.confidence)).toEqual(['medium']);
    expect(names('该集团总裁顾建平认为')[0]?.confidence).toBe('high');
  });

  it('finds a name whose last character is also a suffix when a title and a verb frame it', () => {
    expect(found('该集团总裁沈东军认为', 'person-name')).toEqual(['沈东军']);
    expect(found('解放军表示支持', 'person-name')).toEqual([]);
  });

  it('finds a Latin-script name after a title or before a speech verb, not a product name', () => {
    expect(found('记者John Smith表示，比赛推迟。', 'person-name')).toEqual(['John Smith']);
    expect(found('选手Grubby说，他会参加。', 'person-name')).toEqual(['Grubby']);
    expect(found('请使用Windows系统打开', 'person-name')).toEqual([]);
  });
});

describe('detector properties', () => {
  const han = fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    maxLength: 40,
  });
  const any = fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'，。、：的了是在和0123456789Aa·- '),
      fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 60,
  });

  it('person and address spans are inside the text, non-empty and non-overlapping, on any text', () => {
    fc.assert(
      fc.property(any, (text) => {
        const fs = scanText(text, registry, { types: ['person-name', 'address'] });
        let at = 0;
        for (const f of fs) {
          expect(f.start).toBeGreaterThanOrEqual(at);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.value).toBe(text.slice(f.start, f.end));
          at = f.end;
        }
      }),
    );
  });

  it('a name after a title is found whatever Han text surrounds it', () => {
    fc.assert(
      fc.property(
        han,
        fc.constantFrom('记者', '副局长', '总裁', '教授'),
        fc.constantFrom('王海涛', '林晓燕', '顾建平'),
        (pre, title, name) => {
          const text = `${pre}。${title}${name}表示`;
          expect(found(text, 'person-name')).toContain(name);
        },
      ),
    );
  });

  it('a mobile is found with any Latin letters glued around it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{0,5}$/), fc.stringMatching(/^1[3-9]\d{9}$/), (pre, m) => {
        expect(found(`号码${pre}${m}。`, 'cn-mobile')).toEqual([m]);
      }),
    );
  });
});

describe('pseudonym tokens', () => {
  it('are never read back as a mobile, even when the hash holds a run of digits', () => {
    expect(found('[手机号#a13812345678]，[手机号#13912345678f]', 'cn-mobile')).toEqual([]);
  });
});

describe('addresses in news text', () => {
  it('does not take a region, an office and a number for an address', () => {
    expect(found('北京市统计局公布38号文件的内容', 'address')).toEqual([]);
    expect(found('上海市规划局公布55号', 'address')).toEqual([]);
  });

  it('keeps a number that is part of a street name inside one address', () => {
    expect(found('公司位于杭州下沙经济技术开发区6号大街18号', 'address')).toEqual([
      '杭州下沙经济技术开发区6号大街18号',
    ]);
  });

  it('finds street names without a door number when the context reads as a place', () => {
    expect(found('新店位于文昌路，交通方便', 'address')).toEqual(['文昌路']);
    expect(found('沿着长宁大街一直向东', 'address')).toEqual(['长宁大街']);
    // two streets and their crossing are one place
    expect(found('海淀区丰秀南街与学院路交汇处', 'address')).toEqual(['海淀区丰秀南街与学院路交汇处']);
  });

  it('does not read ordinary words ending in 路 or 街 as streets', () => {
    expect(found('他的思路很清楚，这条路走得通，周末去逛街', 'address')).toEqual([]);
  });

  it('reads the grammar down to the room, building names included', () => {
    expect(found('地址：广东省深圳市南山区科苑路15号科兴大厦3栋1201室', 'address')).toEqual([
      '广东省深圳市南山区科苑路15号科兴大厦3栋1201室',
    ]);
  });

  it('reads a side or the facing side after a village, estate or street as a place cue', () => {
    // a side, the facing side and a gate belong to the place
    expect(found('他住在柳塘村北面的小楼里', 'address')).toEqual(['柳塘村北面']);
    expect(found('店就开在星光花园对面', 'address')).toEqual(['星光花园对面']);
  });

  it('reads wings, towers, phases, room ranges and estate names after the door number', () => {
    expect(found('地点：成都市武侯区科华北路88号时代广场东塔1203、1205室', 'address')).toEqual([
      '成都市武侯区科华北路88号时代广场东塔1203、1205室',
    ]);
    expect(found('合肥高新区望江西路9号翠湖二期6栋锦绣苑2号楼8楼', 'address')).toEqual([
      '合肥高新区望江西路9号翠湖二期6栋锦绣苑2号楼8楼',
    ]);
    // an 地址： value runs on to the office it names
    expect(found('地址：昆明市盘龙区北京路12号北楼3层服务中心', 'address')).toEqual([
      '昆明市盘龙区北京路12号北楼3层服务中心',
    ]);
    // never across a function word: what follows 的 is another thing
    expect(found('家住建设路16号的陈先生说', 'address')).toEqual(['建设路16号']);
  });
});

describe('names and addresses added in session 3 (own fixtures in the shape of news text)', () => {
  it('reads a surname that closes a title as the title (主任丁伟, not 任丁伟)', () => {
    expect(found('街道办主任丁伟表示，工程下月完工。', 'person-name')).toEqual(['丁伟']);
  });

  it('takes no frequent ordinary word for a name beside a speech verb', () => {
    expect(found('对此，银行解释说这是正常收费。', 'person-name')).toEqual([]);
    expect(found('法官表示将择日宣判。', 'person-name')).toEqual([]);
  });

  it('finds a transliterated name glossed in Latin, and both parts', () => {
    expect(found('导演伍德沃特（Tom Woodward）的新片', 'person-name')).toEqual(['伍德沃特', 'Tom Woodward']);
  });

  it('finds the next name of a list beside a name found', () => {
    expect(found('随行的有秘书长孙立群、邵卫华等人。', 'person-name')).toEqual(['孙立群', '邵卫华']);
  });

  it('finds named estates and buildings with a locative cue, not 农村 or 村民', () => {
    expect(found('新楼盘位于金桂花园东侧。', 'address')).toEqual(['金桂花园东侧']);
    expect(found('发布会在星河国际大厦举行。', 'address')).toEqual(['星河国际大厦']);
    expect(found('他在农村长大，村民都认识他。', 'address')).toEqual([]);
  });

  it('keeps the region and the admin word at the start of a street name', () => {
    expect(found('他常去上海淮海中路附近散步。', 'address')).toEqual(['上海淮海中路']);
    expect(found('门店位于粤海街道科苑路附近。', 'address')).toEqual(['粤海街道科苑路']);
  });
});
