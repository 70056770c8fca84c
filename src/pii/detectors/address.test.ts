import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { createDetectors } from '../registry.js';
import { scanText } from '../scan.js';

// Our own sentences in the shape of news and posts (never corpus text).
const registry = createDetectors(loadPiiDictionaries());
const found = (text: string) =>
  scanText(text, registry, { types: ['address'] }).map(
    (f) => `${text.slice(f.start, f.end)}:${f.confidence}`,
  );

describe('villages, estates and squares named without a cue', () => {
  it('takes a short name that stands alone, as possible only', () => {
    expect(found('两个项目分别是青禾村和石榴村。')).toEqual(['青禾村:possible', '石榴村:possible']);
  });

  it('takes a square only with a cue: 在, quotes, a region before it, or a locative', () => {
    // a bare …广场 in running text is a mall or a landmark as often as a place anyone is found at
    expect(found('紫荆广场的音乐喷泉很美')).toEqual([]);
    expect(found('这个时候紫荆广场人很多')).toEqual([]);
    expect(found('决赛在紫荆广场进行')).toEqual(['紫荆广场:medium']);
    expect(found('而“紫荆广场”销售的成功')).toEqual(['紫荆广场:possible']);
    expect(found('麦考林在上海紫荆广场开出了第一家店')).toEqual(['上海紫荆广场:medium']);
  });

  it('drops the words of the sentence that run into the name', () => {
    expect(found('这个时候青禾村人很多')).toEqual(['青禾村:possible']);
  });

  it('does not take ordinary words that end in a place kind', () => {
    expect(found('他在农村长大，后来回到乡村，又住进度假村')).toEqual([]);
    expect(found('文化村是无法单独前往的')).toEqual([]);
    expect(found('园中的私家园林很有名')).toEqual([]);
  });

  it('takes no village or road out of a line of verse', () => {
    expect(found('柳暗孤村晚，风斜野渡寒。')).toEqual([]);
    expect(found('江边村事忙，稻熟满山冈。')).toEqual([]);
    expect(found('寒山石径路，落日远钟声。')).toEqual([]);
  });
});

describe('one address from the region down to the gate, floor or corner', () => {
  it('takes a region or known place right before a square or street into it', () => {
    expect(found('决赛在上海紫荆广场举行')).toEqual(['上海紫荆广场:medium']);
  });

  it('reads on over floors, units, gates, sides and corners', () => {
    expect(found('活动在星河国际大厦12层举行')).toEqual(['星河国际大厦12层:medium']);
    // (high since session 8: an estate's building with its unit after it)
    expect(found('业主住在杭州翠湖名苑8幢2单元')).toEqual(['杭州翠湖名苑8幢2单元:high']);
    expect(found('他在青松路3号门等了一个小时')).toEqual(['青松路3号门:medium']);
    expect(found('项目位于银杏路南侧，交通方便')).toEqual(['银杏路南侧:medium']);
  });

  it('joins a street and the building that follows it, not two villages joined by 和', () => {
    expect(found('她在文澜路财富中心取了现金')).toEqual(['文澜路财富中心:medium']);
    expect(found('两个项目分别是青禾村和石榴村。')).toEqual(['青禾村:possible', '石榴村:possible']);
  });

  it('finds a metro station and its exit, not a crossing of two lines', () => {
    expect(found('早上在地铁6号线青石站2号口集合')).toEqual(['地铁6号线青石站2号口:medium']);
    expect(found('位于地铁5号线与13号线交叉站附近')).toEqual([]);
  });

  it('finds every station of a long line of stations, each once', () => {
    const line = '早上在地铁6号线青石站2号口集合，'.repeat(300);
    expect(found(line)).toEqual(Array.from({ length: 300 }, () => '地铁6号线青石站2号口:medium'));
  });

  it('reads 一路 after a street as "all the way", and takes a known street with 两侧 after it', () => {
    expect(found('沿着滨江路一路向北')).toEqual(['滨江路:medium']);
    expect(found('长安街两侧灯火通明')).toEqual(['长安街两侧:medium']);
  });
});

describe('lists and sub-districts', () => {
  it('takes the items of a list beside a street found', () => {
    expect(found('新修的青桐路、白鹭路和松溪路已经通车')).toEqual([
      '青桐路:medium',
      '白鹭路:medium',
      '松溪路:possible',
    ]);
    expect(found('他去过淮海路和一些商场')).toEqual(['淮海路:medium']);
  });

  it('keeps 街道 with the street name, and no office', () => {
    expect(found('家住朝阳区枫林街道的王女士说')).toEqual(['朝阳区枫林街道:medium']);
    expect(found('来到枫林街道办事处咨询')).toEqual([]);
  });

  it('takes no admin word that is an ordinary word (辖区) and no idiom ending in 路', () => {
    expect(found('被带往辖区青松路派出所')).toEqual([]);
    expect(found('他常去辖区青松路附近散步')).toEqual(['青松路:medium']);
    expect(found('推销这类影片他早已轻车熟路。')).toEqual([]);
  });
});

describe('a region right before a street or square', () => {
  it('reads a street after a city as an address, also one named by a date', () => {
    expect(found('福州五一路上一家银行的负责人说')).toEqual(['福州五一路:medium']);
    expect(found('6月1日，上海青枫路星河广场，锣鼓喧天')).toEqual(['上海青枫路星河广场:possible']);
  });

  it('reads a square after a city, also when a verb follows it', () => {
    expect(found('总决赛于上海星河广场落下了帷幕。')).toEqual(['上海星河广场:medium']);
  });
});

describe('organisations and lists that look like addresses', () => {
  it('takes no branch or police station named after its street', () => {
    expect(found('据青松路营业部总经理介绍')).toEqual([]);
    expect(found('被带到青松路派出所接受调查')).toEqual([]);
  });

  it('ends a name at a conjunction after another place', () => {
    expect(found('园区包括澳门市政花园和十字花园两个景点')).toEqual([]);
  });
});

describe('cue verbs inside the cut of a street name', () => {
  it('drops 沿 and 至 from the name, but keeps them where they are the name (沿江路)', () => {
    expect(found('向右走，沿上南路经过国展路继续向前')).toEqual(['上南路:medium', '国展路:medium']);
    expect(found('地块东至青桐路，西至白鹭路')).toEqual(['青桐路:medium', '白鹭路:medium']);
    expect(found('家住沿海路的张先生')).toEqual(['沿海路:medium']);
  });
});

describe('verse is read clause by clause, whatever breaks the line', () => {
  it('finds the same after a line break as without it', () => {
    const text = '长安街两侧灯 游人如织真热闹';
    expect(found(`\n${text}`)).toEqual(found(text));
    expect(found(`\r${text}`)).toEqual(found(text));
    expect(found(text)).toEqual(['长安街两侧:medium']);
  });
});

describe('a pedestrian street after its street', () => {
  it('belongs to the address', () => {
    expect(found('活动在上海南京路步行街上举行')).toEqual(['上海南京路步行街:medium']);
  });
});

describe('no bare place in a title, after an adjective or after a verb', () => {
  it('leaves 《…村》, 大型广场 and 驻村 alone', () => {
    expect(found('他的代表作《青禾村》很有名')).toEqual([]);
    expect(found('这是一处大型广场，')).toEqual([]);
    expect(found('确保驻村所在地同步推进')).toEqual([]);
  });
});

describe('crossings, squares on a street and admin chains (session 6)', () => {
  it('reads two streets and their crossing as one place', () => {
    expect(found('路人正在青松路与银杏路十字路口等信号灯')).toEqual(['青松路与银杏路十字路口:medium']);
    // a common word or a numeral names a street there too
    expect(found('地处西柳大街与三环路交汇处。')).toEqual(['西柳大街与三环路交汇处:medium']);
    expect(found('项目位于平安北街与白鹭路交叉处向东。')).toEqual(['平安北街与白鹭路交叉处向东:medium']);
  });

  it('keeps two streets joined by 和 apart when no crossing follows', () => {
    expect(found('新修的青桐路和白鹭路已经通车')).toEqual(['青桐路:medium', '白鹭路:possible']);
  });

  it('joins a square or building and the street it stands on across 的', () => {
    expect(found('决赛将在滨江路的紫荆广场举行')).toEqual(['滨江路的紫荆广场:medium']);
    // the square alone would need a cue; on a street found it has one
    expect(found('8月6日南京东路的紫荆广场撼世登场')).toEqual(['南京东路的紫荆广场:possible']);
  });

  it('starts an admin chain at the region, not at the words before it', () => {
    expect(found('出生地山西省运城市临猗县青禾乡东岭村')).toEqual(['山西省运城市临猗县青禾乡东岭村:medium']);
  });

  it('finds an estate named …小区 with a cue although no street character stands in the text', () => {
    expect(found('这家诊所位于吴家堡翠湖小区北门东侧，')).toEqual(['吴家堡翠湖小区北门东侧:medium']);
  });

  it('takes no Pentagon as an address', () => {
    expect(found('五角大楼发言人说')).toEqual([]);
  });
});

describe('the value of a label (地点：, 地址：) up to its clause end', () => {
  it('takes a venue and the address in brackets after it as one address', () => {
    expect(found('地点：上海星光会展中心（上海市青松路88号）')).toEqual([
      '上海星光会展中心（上海市青松路88号）:high',
    ]);
    expect(found('签到地点：青禾商务酒店（马鞍山白鹭路店）')).toEqual([
      '青禾商务酒店（马鞍山白鹭路店）:medium',
    ]);
  });

  it('takes the brackets after a numbered address found at the value start', () => {
    expect(found('详细地址：上海市黄浦区银杏路518号（滨江路步行街紫荆广场）')).toEqual([
      '上海市黄浦区银杏路518号（滨江路步行街紫荆广场）:high',
    ]);
  });

  it('takes a place with no street or number, and ends at a comma, a phone or a postcode', () => {
    expect(found('活动地点：台北县中和星河购物中心1F广场')).toEqual(['台北县中和星河购物中心1F广场:medium']);
    expect(found('地点：翠湖国际大厦8层，欢迎参加')).toEqual(['翠湖国际大厦8层:medium']);
    expect(found('地址：紫荆花园3栋邮编100021')).toEqual(['紫荆花园3栋:medium']);
  });

  it('takes no value without a place word, nor a link', () => {
    expect(found('地点：春季房展')).toEqual([]);
    expect(found('直播地址：http://example.com/live')).toEqual([]);
  });
});

describe('a bare village after a word of the sentence', () => {
  it('takes the short name after a frequent word, a function character or a date', () => {
    expect(found('开发商更担心枣村经适房的销售')).toEqual(['枣村:possible']);
    expect(found('今年4月7日青禾村经适房正式开始销售')).toEqual(['青禾村:possible']);
  });

  it('reads 那 inside a village name after an admin chain', () => {
    expect(found('两名伤者是恩平市大田镇岑那洋村的兄弟')).toEqual(['恩平市大田镇岑那洋村:medium']);
    expect(found('他去过那个村')).toEqual([]);
  });
});

describe('stations at a crossing of two lines, distances and units after a place', () => {
  it('takes a named station where two lines cross, and the distance after it', () => {
    expect(found('处于地铁6号线与9号线交叉站青石站西北300米处，')).toEqual([
      '地铁6号线与9号线交叉站青石站西北300米处:medium',
    ]);
    expect(found('项目位于银杏路以东约500米处')).toEqual(['银杏路以东约500米处:medium']);
  });

  it('keeps an estate with its building and unit whole before a name could take part of it', () => {
    expect(found('杭州丁桥翠湖名苑12幢1单元的业主告诉记者')).toEqual(['杭州丁桥翠湖名苑12幢1单元:medium']);
  });
});

describe('street cues: a line along it, both sides, a motion to it', () => {
  it('reads 沿线 and 两侧 after a street, and 行至 before it', () => {
    expect(found('推荐理由：国贸商圈、青桐大街沿线繁华地段')).toEqual(['青桐大街:medium']);
    expect(found('据了解，白鹭路两侧每到晚间都有人摆摊')).toEqual(['白鹭路两侧:medium']);
    expect(found('车行至古田二路时，篷布破了')).toEqual(['古田二路:medium']);
  });
});

describe('long building names and motion cues', () => {
  it('starts a long building name at the region just before the cut', () => {
    expect(found('工作地点在北京北四环星河国际大厦，')).toEqual(['北京北四环星河国际大厦:medium']);
  });

  it('reads 向着, 到达 before a building and 到了 after it as cues', () => {
    expect(found('向着星河科技大厦进发。')).toEqual(['星河科技大厦:medium']);
    expect(found('很快，翠湖花园到了，下车后')).toEqual(['翠湖花园:medium']);
  });
});

describe('a street with a building and floor after it', () => {
  it('reads the building and its floor as the street cue and takes them in', () => {
    expect(found('我有一套房子要卖，青桐路翠湖居7楼，没有电梯')).toEqual(['青桐路翠湖居7楼:medium']);
  });
});

describe('rural addresses down to the group', () => {
  it('reads province, city, county, township, village and group as one address', () => {
    expect(found('她家在河北省保定市清苑县东岭乡南王庄村三组')).toEqual([
      '河北省保定市清苑县东岭乡南王庄村三组:medium',
    ]);
    expect(found('全村三组人')).toEqual([]);
  });
});

describe('市 inside a street name', () => {
  it('keeps 市 with one character after it in the name, and still ends a city before a street', () => {
    expect(found('丰台的煤市口路西延明年开工')).toEqual(['煤市口路西延:medium']);
    expect(found('深圳市青桐路')).toEqual(['深圳市青桐路:medium']);
  });
});

describe('sub-districts and their staff', () => {
  it('names the sub-district after a district even before its staff, not an office alone', () => {
    expect(found('昨日，东城区花市街道工作人员建议居民再致电询问')).toEqual(['东城区花市街道:medium']);
    expect(found('枫林街道工作人员说')).toEqual([]);
  });

  it('takes a building ending in 居 only with a floor after it', () => {
    expect(found('位于青松路附近的居民')).toEqual(['青松路:medium']);
  });
});

describe('a street before 办', () => {
  it('reads …路办起 as a street, and …街道办 still as an office', () => {
    expect(found('2004年她在青桐路办起了第一家投注站')).toEqual(['青桐路:medium']);
    expect(found('来到枫林街道办事处咨询')).toEqual([]);
  });
});

describe('街头 and 路边 after a street', () => {
  it('reads a named street before 街头 or 路边, not a city’s streets', () => {
    expect(found('记者在泗水街头随便询问')).toEqual(['泗水街:medium']);
    expect(found('北京街头随处可见共享单车')).toEqual([]);
    expect(found('昌平区青松镇白鹭路路边，一工人坠亡')).toEqual(['昌平区青松镇白鹭路:medium']);
  });
});

describe('session 7: the span along the chain', () => {
  it("reads an estate's phase and zone, a side, and the exit after a gate into the address", () => {
    expect(found('他住在青松小区三期6栋')).toEqual(['青松小区三期6栋:medium']);
    expect(found('在白鹭花园二区门口等')).toEqual(['白鹭花园二区门口:medium']);
    expect(found('项目位于银杏路两侧，交通方便')).toEqual(['银杏路两侧:medium']);
    expect(found('她家在白鹭村西边')).toEqual(['白鹭村西边:medium']);
    expect(found('从青松路3号门出口出来')).toEqual(['青松路3号门出口:medium']);
    // 区域 after an estate is "the area", no zone of it
    expect(found('在青松小区域内')).toEqual(['青松小区:medium']);
  });

  it('leaves out a first character that belongs to the word before it, or is a function word', () => {
    expect(found('从机场可以直接到达松溪路')).toEqual(['松溪路:medium']);
    expect(found('他选择青桐街附近的写字楼')).toEqual(['青桐街:medium']);
    expect(found('此次青桐湾小区二期的房子')).toEqual(['青桐湾小区二期:medium']);
    expect(found('但白鹭名苑小区5楼的住户')).toEqual(['白鹭名苑小区5楼:medium']);
  });
});

describe('session 7: buildings, parks and hotels after a place', () => {
  it('takes a building standing on a pedestrian street, and a park named by the place before it', () => {
    expect(found('活动在青松路步行街白鹭广场举行')).toEqual(['青松路步行街白鹭广场:medium']);
    expect(found('他在白鹭村科技园上班')).toEqual(['白鹭村科技园:possible']);
    expect(found('比赛在青松广场花园举行')).toEqual(['青松广场花园:medium']);
    expect(found('在上海青松广场创意产业园C座5层')).toEqual(['上海青松广场创意产业园C座5层:medium']);
  });

  it('takes a hotel after a street only with its gate or floor after it', () => {
    expect(found('记者在青桐路白鹭饭店门口等了很久')).toEqual(['青桐路白鹭饭店门口:medium']);
    expect(found('他在青桐路白鹭饭店吃饭')).toEqual(['青桐路:medium']);
  });
});

describe('session 7: rooms and floor ranges after the door number', () => {
  it('takes a room number with no 室 after a building or unit, and a range of floors', () => {
    expect(found('寄到青桐路88号松溪大厦1206联系人王先生')).toEqual(['青桐路88号松溪大厦1206:high']);
    expect(found('地址：青桐路8号三单元402')).toEqual(['青桐路8号三单元402:high']);
    expect(found('办公室在青桐路6号松溪中心3-6楼')).toEqual(['青桐路6号松溪中心3-6楼:medium']);
  });

  it('reads no year or price after a building as its room', () => {
    expect(found('青桐路55号松溪大厦2008年建成')).toEqual(['青桐路55号松溪大厦:medium']);
    expect(found('青桐路55号松溪大厦1380元一平')).toEqual(['青桐路55号松溪大厦:medium']);
  });
});

describe('session 7: a street named by its number', () => {
  it('takes 2号大街 without a door number after an admin chain or with a cue, and keeps the door number with it', () => {
    expect(found('店开在白鹭经济技术开发区2号大街')).toEqual(['白鹭经济技术开发区2号大街:medium']);
    expect(found('他在12号路上等车')).toEqual(['12号路:medium']);
    expect(found('杭州下沙经济技术开发区2号大街22号')).toEqual(['杭州下沙经济技术开发区2号大街22号:high']);
    expect(found('位于白鹭新区12号路与青松路交叉口')).toEqual(['白鹭新区12号路与青松路交叉口:medium']);
  });

  it('reads no number before other words as a street (上海市规划局公布55号, 2号线, 第2号台风)', () => {
    expect(found('上海市规划局公布55号')).toEqual([]);
    expect(found('乘坐2号线到站')).toEqual([]);
    expect(found('今年第2号台风登陆')).toEqual([]);
  });
});

describe('session 7: foreign street names', () => {
  it('reads a transliterated street name whole, past the three characters a name is cut to', () => {
    expect(found('客队去年在奥克菲尔德路输了两场')).toEqual(['奥克菲尔德路:medium']);
    expect(found('这家餐厅开在西萨努克大道附近')).toEqual(['西萨努克大道:medium']);
    expect(found('他在人民路上')).toEqual(['人民路:medium']);
  });
});

describe('session 7: the rest of a labelled value after a numbered address', () => {
  it('takes the building, office or shop after the door number up to the clause end', () => {
    expect(found('地址：白鹭市青桐路12号北楼3层松溪基金会办公室')).toEqual([
      '白鹭市青桐路12号北楼3层松溪基金会办公室:high',
    ]);
    expect(found('公司地址:白鹭市青桐路7号松溪谷')).toEqual(['白鹭市青桐路7号松溪谷:high']);
  });

  it('stops at a comma or a phone, and takes no sentence after the address', () => {
    expect(found('地址：白鹭市青桐路21号，电话12345678')).toEqual(['白鹭市青桐路21号:high']);
    expect(found('地址：白鹭市青桐路21号我们都去过')).toEqual(['白鹭市青桐路21号:high']);
  });
});

describe('session 7: a place left unnamed after its admin chain', () => {
  it('takes …镇某村 and …区某小区 with their chain, never 某村 alone', () => {
    expect(found('他后来搬到了白鹭市青松镇某村。')).toEqual(['白鹭市青松镇某村:medium']);
    expect(found('住在青桐区某小区的王先生')).toEqual(['青桐区某小区:medium']);
    expect(found('某村的村民说')).toEqual([]);
  });
});

describe('session 7: where an admin chain without a region starts', () => {
  it('leaves a function word before the first level out of the chain', () => {
    expect(found('我们要对青松镇白鹭村的道路进行修整')).toEqual(['青松镇白鹭村:medium']);
    expect(found('店开在白鹭经济技术开发区2号大街')).toEqual(['白鹭经济技术开发区2号大街:medium']);
  });
});

describe('session 7: building numbers, admin levels before a region, 一栋 as a measure word', () => {
  it('keeps the number of the building that opens the address', () => {
    expect(found('房屋地址、5号楼2单元8楼806号朝南')).toEqual(['5号楼2单元8楼806号:medium']);
  });

  it('starts at a whole admin level before a region that names the street', () => {
    expect(found('记者来到青桐区福州路某弄5号')).toEqual(['青桐区福州路某弄5号:high']);
  });

  it('reads 一栋 followed by words as "a building", not as the address\'s building', () => {
    expect(found('公司在青桐区白鹭路一栋很旧的楼里办公')).toEqual(['青桐区白鹭路:medium']);
    expect(found('住在翠湖名苑一栋二单元')).toEqual(['翠湖名苑一栋二单元:medium']);
  });
});

describe('session 7: addresses from the province down to the room, and corners', () => {
  it('reads each level of a full postal address into one span', () => {
    expect(found('寄到广东省白鹭市青松区枫林街道银杏路15号松溪科学园B栋3单元1201室')).toEqual([
      '广东省白鹭市青松区枫林街道银杏路15号松溪科学园B栋3单元1201室:high',
    ]);
    expect(found('我家住在白鹭省青松市枫林县银杏镇海棠村三组')).toEqual([
      '白鹭省青松市枫林县银杏镇海棠村三组:medium',
    ]);
    expect(found('公司位于白鹭市青松区银杏大道88号松溪大厦东塔23层2301-2305室')).toEqual([
      '白鹭市青松区银杏大道88号松溪大厦东塔23层2301-2305室:high',
    ]);
  });

  it('takes the corner or side of a crossing or a square', () => {
    expect(found('白鹭市青松区银杏路与枫林路交叉口东北角')).toEqual([
      '白鹭市青松区银杏路与枫林路交叉口东北角:medium',
    ]);
    expect(found('在白鹭广场西南角集合')).toEqual(['白鹭广场西南角:medium']);
  });
});

describe('session 7: expressways and highways', () => {
  it('reads 快速路 and 高速公路 as the street word, so the name before them is whole', () => {
    expect(found('沿着青松快速路一直开')).toEqual(['青松快速路:medium']);
    expect(found('事故发生在白鹭高速公路上')).toEqual(['白鹭高速公路:medium']);
    expect(found('他走的是高速公路')).toEqual([]);
  });
});

describe('session 8: the shape of an address whatever its names', () => {
  it('takes an estate with its building, unit and room even when its name is a common word', () => {
    // down to the unit or room: high; a building alone: medium
    expect(found('他住在阳光小区3栋2单元501室，每天步行上班。')).toEqual(['阳光小区3栋2单元501室:high']);
    expect(found('住在翠竹花园B座1203的住户投诉噪音。')).toEqual(['翠竹花园B座1203:high']);
    expect(found('她租住在海棠湾小区12栋。')).toEqual(['海棠湾小区12栋:medium']);
    // a count of buildings is no building number
    expect(found('阳光小区3栋楼房同时停电')).toEqual([]);
  });

  it('takes a village with its group whatever word its name makes', () => {
    expect(found('家住白家村3组的王某。')).toEqual(['白家村3组:medium']);
  });

  it('reads a lane number (…路88弄) as a door number', () => {
    expect(found('地点在石门一路88弄的老房子里。')).toEqual(['石门一路88弄:medium']);
    expect(found('他把东西弄坏了')).toEqual([]);
  });

  it('reads an estate zone before the building number, and the building door after it', () => {
    expect(found('快递放在丰台区方庄芳城园一区5号楼门口。')).toEqual([
      '丰台区方庄芳城园一区5号楼门口:medium',
    ]);
  });

  it('takes 主干道 before a street as a cue', () => {
    expect(found('城市主干道青柳路将封闭施工')).toEqual(['青柳路:medium']);
  });

  it('takes a one-character street name before a numeral with a cue or as a crossing', () => {
    expect(found('一名男子在纬二路与经三路交叉口被撞。')).toEqual(['纬二路与经三路交叉口:medium']);
    expect(found('车辆行驶至文三路时失控。')).toEqual(['文三路:medium']);
    expect(found('兵分三路进攻。')).toEqual([]);
    expect(found('前三路都很好')).toEqual([]);
  });

  it('takes a community named by a common word after its sub-district', () => {
    expect(found('工厂在宝安区福永街道凤凰社区。')).toEqual(['宝安区福永街道凤凰社区:medium']);
  });
});

describe('session 8: door numbers as Beijing and lane addresses write them', () => {
  it('reads 甲/乙 before a door number, 附 after it and 院内 before a building', () => {
    expect(found('他家在西城区青松门内大街甲12号。')).toEqual(['西城区青松门内大街甲12号:medium']);
    expect(found('公司在滨河路12号附1号。')).toEqual(['滨河路12号附1号:medium']);
    expect(found('我住在海淀区青松路30号院内12号楼。')).toEqual(['海淀区青松路30号院内12号楼:high']);
  });
});
