import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { createDetectors } from '../registry.js';
import { scanText } from '../scan.js';
import type { Finding } from '../types.js';
import { READS_MODERN, textFacts } from './person-name.js';

// Session 5 rules of the person-name detector, on our own sentences in the shape of news text.
const registry = createDetectors(loadPiiDictionaries());
const names = (text: string): Finding[] => scanText(text, registry, { types: ['person-name'] });
const found = (text: string): string[] => names(text).map((f) => f.value);

describe('person names: session 5 rules', () => {
  it("reads a speaker's label at the start of a line even when its first two characters are a word", () => {
    // 金石 is a frequent word of the list; before a colon at the start of a line it opens a name
    expect(found('金石磊：这场比赛主队占优。')).toEqual(['金石磊']);
    expect(found('金石磊这场比赛主队占优。')).toEqual([]);
  });

  it('takes no surname and place ending for a name (a village, an estate, a prefecture)', () => {
    expect(found('周末我们去了宋庄写生。')).toEqual([]);
    expect(found('他住在深康村的一栋小楼里。')).toEqual([]);
    expect(found('兰桂坊的夜晚很热闹')).toEqual([]);
    // after a title, the same character may be a given name (镇 is one)
    expect(found('副县长王镇表示，工程年底完工。')).toEqual(['王镇']);
  });

  it('takes no surname and form of address for a name, nor 氏 for a given-name character', () => {
    expect(found('负责销售的樊总说，价格还会涨。')).toEqual([]);
    expect(found('出门时总让杨叔先走。')).toEqual([]);
    expect(found('诊所的米大夫已经下班了。')).toEqual([]);
    expect(found('洛阳的苏氏为丈夫缝了件衣裳。')).toEqual([]);
    // a given name that merely starts like a form of address is still read
    expect(found('记者丁帅表示')).toEqual(['丁帅']);
  });

  it('reads a soft-stop character in the middle of three where the statistics read a name', () => {
    expect(found('去年，宋道峰带着家乡的民工进城。')).toEqual(['宋道峰']);
    expect(found('在市场上，何道洪等大师的作品很贵。')).toEqual(['何道洪']);
    // X之Y is a title's "Y of X" as often: not relaxed
    expect(found('上一期《巫妖王之怒》口碑很好')).toEqual([]);
  });

  it('reads a one-character suffix that is also a given character (军) as one where the statistics read a name', () => {
    expect(found('自从那时起，沈力军就开始联系银行。')).toEqual(['沈力军']);
    // the given part being the suffix word itself (陆军, 大军) is no name
    expect(found('毕竟莫陆军还没有出线。')).toEqual([]);
  });

  it('reads a three-character entry the word list tags as a person, not a place or an idiom', () => {
    const f = names('像吴冠中和他的学生都在求艺术的纯真。');
    expect(f.map((x) => x.value)).toEqual(['吴冠中']);
    expect(f[0]?.confidence).toBe('medium');
    expect(found('在陶波湖全年都可以钓鱼')).toEqual([]);
  });

  it('after a title, reads three characters that start with a common word as a name', () => {
    expect(found('马术俱乐部负责人魏国安这样说道。')).toEqual(['魏国安']);
    // a very frequent word after the title is that word (持卡人连续刷满30天)
    expect(found('如果持卡人连续刷满30天，可获积分。')).toEqual([]);
  });

  it('reads more roles before and words after a name as cues', () => {
    expect(found('广州收藏者潘凝却认为价格偏高。')).toEqual(['潘凝']);
    expect(found('宝钢集团的钱海峰（化名）每天加班。')).toEqual(['钱海峰']);
    expect(found('他在拍卖会上购买了吴冠中画作《春雨》。')).toEqual(['吴冠中']);
  });

  it('finds a name again where it recurs, also one found by the statistics alone (medium)', () => {
    expect(found('买梁家明作品要排队')).toEqual([]);
    const f = names('这是梁家明第一次来，买梁家明作品要排队');
    expect(f.map((x) => x.value)).toEqual(['梁家明', '梁家明']);
    expect(f.every((x) => x.confidence === 'medium')).toBe(true);
  });

  it('finds the given name alone where the full name was found, not a doubled or ordinary word', () => {
    expect(found('画家徐鸿飞表示，鸿飞的作品以马为主。')).toEqual(['徐鸿飞', '鸿飞']);
    expect(found('他说欣欣向荣，记者张欣欣表示')).toEqual(['张欣欣']);
  });

  it('reads a whole @handle shaped like a name, a blog link after a name and a column by-line as cues', () => {
    const f = names('转发//@汪东城:看见了');
    expect(f.map((x) => x.value)).toEqual(['汪东城']);
    expect(f[0]?.confidence).toBe('medium');
    expect(found('影片由周迅（blog）主演')).toEqual(['周迅']);
    expect(found('姜山冷门搜索：主队难胜')).toEqual(['姜山']);
  });

  it('reads a short modern sentence holding 也 or 之 and no 的 as modern (the statistics speak)', () => {
    expect(found('这也是梁咏芝与导演的第二次合作')).toEqual(['梁咏芝']);
    expect(found('之后，郭庆平力推新人')).toEqual(['郭庆平']);
    expect(found('学而时习之，不亦说乎。有朋自远方来')).toEqual([]);
  });

  it('reads a by-line title before a colon as a label (作者：…), not a host speaking (主持人：谢谢…)', () => {
    expect(found('作者：金一鸣')).toEqual(['金一鸣']);
    expect(found('记者：宋晓峰')).toEqual(['宋晓峰']);
    expect(found('主持人：谢谢王老师')).toEqual([]);
  });

  it('knows rarer single and compound surnames of the 百家姓', () => {
    expect(found('记者钟离春表示，今年降水偏多。')).toEqual(['钟离春']);
    expect(found('副县长拓跋宏说')).toEqual(['拓跋宏']);
    expect(found('记者荀文杰报道')).toEqual(['荀文杰']);
  });

  it('reads 以及 between the names of a list as 、 and 和 are', () => {
    expect(found('喜欢张赫宣以及卓义峰演唱的歌')).toEqual(['张赫宣', '卓义峰']);
  });
});

describe('person names: session 6 rules', () => {
  it('reads a speech word after an adverb or a time word as a cue after the name', () => {
    // 才 is a soft stop: without the cue the statistics alone do not take it
    expect(found('林可才同时表示，价格不会再涨。')).toEqual(['林可才']);
    expect(found('林可才今天说，价格不会再涨。')).toEqual(['林可才']);
    expect(found('唐有为也认为这样不妥。')).toEqual(['唐有为']);
    // the adverb alone is no cue
    expect(found('林可才同时')).toEqual([]);
    // nor for a Latin word: firms announce too
    expect(found('会上Stardock今天宣布了新作。')).toEqual([]);
  });

  it('carries a list back item by item from the name found, and takes two transliteration characters between separators', () => {
    expect(found('霍普、马才、唐有为等人出席')).toEqual(['霍普', '马才', '唐有为']);
    // an ordinary word in the list stops it
    expect(found('展望、未来、唐有为等人出席')).toEqual(['唐有为']);
  });

  it("reads a by-line's place and speech word after the name as a cue (…北京报道), also for the next name of a by-line", () => {
    // 华北 is a frequent word: without the place and 报道 the shorter reading wins
    expect(found('本报记者陶丽华北京报道')).toEqual(['陶丽华']);
    expect(found('本报记者陶丽华北京')).toEqual(['陶丽']);
    expect(names('本报记者许文静杭州、宁波报道')[0]?.confidence).toBe('high');
    // every character of 汤丽娜 is a transliteration one: only a cue lets it be a name
    expect(found('（记者周立新汤丽娜）')).toEqual(['周立新', '汤丽娜']);
    expect(found('上海汤丽娜路')).toEqual([]);
  });

  it('reads 者 (记者, 作者) and 也 before a verb (也表示) as modern prose, a closing 也 still as classical', () => {
    // with a 之 too, these were two classical marks: the statistics were off for the whole text
    expect(found('电影之夜，郭海峰携记者出席了')).toEqual(['郭海峰']);
    expect(textFacts('电影之夜，郭海峰也携同事出席了') & READS_MODERN).toBe(READS_MODERN);
    expect(textFacts('学而时习之，何也？') & READS_MODERN).toBe(0);
    expect(textFacts('仁者之心也。') & READS_MODERN).toBe(0);
  });

  it("counts the given-name characters of faker's zh_CN names as name-like (艺, 茗)", () => {
    // two particles around it and no statistics to speak for it: the characters carry it
    expect(found('这封信是写给卢艺茗的')).toEqual(['卢艺茗']);
  });

  it('reports no name inside an organisation: a longer organisation word wins over a title in it, and a recurrence before one is none', () => {
    // 律师 after a name is a cue, 律师事务所 is a firm
    expect(found('他在成都谢明远律师事务所工作')).toEqual([]);
    expect(found('律师谢明远说')).toEqual(['谢明远']);
    // the founder is found; the trust named after him is no person
    expect(found('创始人邹德森说，邹德森信托的钱不多')).toEqual(['邹德森']);
  });

  it('stops a name before a word of three its last character opens, and takes no preposition and surname before a title, nor 曾因', () => {
    expect(found('据说邬丽双色球中了五百万')).toEqual(['邬丽']);
    expect(found('据说邬丽双中了五百万')).toEqual(['邬丽双']);
    // 孟女士 is the person meant; 向 is the preposition
    expect(found('银行后来向孟女士道歉了')).toEqual([]);
    // 曾 (once) and 因 (because of): 因 is a soft stop, a given-name character only beside a cue
    expect(found('两位老将皆曾因“伤病”缺席')).toEqual([]);
  });

  it('reads a transliterated name before what players do, also after an adverb (也无法出阵, 更表示)', () => {
    expect(found('主帅表示，卡斯特罗维也无法出阵')).toEqual(['卡斯特罗维']);
    expect(found('顾问的贝洛蒂更表示，')).toEqual(['贝洛蒂']);
    expect(found('多萨尔更喜欢')).toEqual([]);
  });

  it('reads a given name after a by-line title when it starts with the head of a compound surname, or a particle follows it', () => {
    // 慕 starts 慕容 but is no surname alone
    expect(found('特约记者慕青报道')).toEqual(['慕青']);
    expect(found('网友雨萌把照片发了出来')).toEqual(['雨萌']);
    // 萌发 is a word: no reading of three before the particle
    expect(found('网友雨萌发了照片')).toEqual([]);
    // a village of painters is no painter
    expect(found('那个画家村成为景点')).toEqual([]);
  });

  it('takes a list item the word list tags as a person, whatever its statistics (白居易、蔡元培)', () => {
    expect(found('与白居易、蔡元培等人的手稿')).toEqual(['白居易', '蔡元培']);
    expect(found('与史可法、蔡元培等人的手稿')).toEqual(['史可法', '蔡元培']);
    // an ordinary word in the list is still none (黄金)
    expect(found('与黄金荣、蔡元培等人的手稿')).toEqual(['蔡元培']);
  });
});
