import { makeBankCard, makeIdCard, makeUscc } from '../generate.js';
import type { PiiType } from '../types.js';

/**
 * Examples for the shared detector contract: each positive is embedded in Chinese context and must
 * be found with exact UTF-16 offsets; each negative must produce nothing for that detector.
 * `LOOK_ALIKES` must produce nothing for any detector.
 */
export const EXAMPLES: Record<PiiType, { positives: string[]; contexts?: string[]; negatives: string[] }> = {
  'cn-id-card': {
    positives: [
      makeIdCard('110101', 1990, 3, 7, 123),
      makeIdCard('440305', 2001, 12, 31, 45),
      '110101900307123',
    ],
    contexts: ['身份证号：', '证件号码 '],
    negatives: ['110101199013071234', '990101199003071234', '11010119900307123'],
  },
  'cn-mobile': {
    positives: ['13812345678', '+86 138 1234 5678', '0086-139-1234-5678', '199-8765-4321'],
    contexts: ['手机：', '电话 '],
    negatives: ['12812345678', '1381234567', '138123456789', '138 1234-5678'],
  },
  'cn-landline': {
    positives: ['010-65123456', '(021) 6123 4567', '0755-86001234', '0571 8888 6666'],
    contexts: ['电话：', '座机 '],
    negatives: ['010-1234567', '1234-5678', '0000-12345678'],
  },
  'bank-card': {
    positives: [
      makeBankCard('622202', '123456789', 19),
      makeBankCard('622848', '0012345678', 16),
      '4111 1111 1111 1111',
    ],
    contexts: ['卡号：', '银行卡 '],
    negatives: ['6222021234567890123', '1234567812345678'],
  },
  'cn-uscc': {
    positives: [
      makeUscc('91', '350100', [21, 0, 0, 0, 1, 0, 0, 24, 4]),
      makeUscc('91', '110108', [21, 10, 0, 1, 10, 11, 12, 13, 2]),
    ],
    contexts: ['统一社会信用代码：', '税号 '],
    negatives: ['91350100M000100Y4I', '12345678901234567A'],
  },
  passport: {
    positives: ['E12345678', 'EA1234567', 'G12345678'],
    contexts: ['护照号码：', 'Passport No. '],
    negatives: ['E1234567', 'X12345678', 'G1234'],
  },
  'cn-travel-permit': {
    positives: ['CA1234567', 'C12345678'],
    contexts: ['往来港澳通行证：', '通行证号 '],
    negatives: ['C1234567', 'CA123456'],
  },
  'cn-plate': {
    positives: ['京A12345', '粤B·D12345', '沪AF12345', '苏E88888'],
    contexts: ['车牌号', '车牌：'],
    negatives: ['京AB', '京ABCDE'],
  },
  email: {
    positives: ['zhang.wei@example.com', 'li_na+ai@mail.example.com.cn'],
    contexts: ['邮箱：', 'Email '],
    negatives: ['zhang.wei@', '@example.com', 'a@b'],
  },
  ip: {
    positives: ['192.168.1.10', '8.8.8.8', '2001:db8::1', 'fe80:0:0:0:202:b3ff:fe1e:8329'],
    contexts: ['来源 IP ', '登录地址：'],
    negatives: ['1.2.3.4.5', '256.1.1.1', '12:30:45', 'v1.2.3.4'],
  },
  mac: {
    positives: ['00:1A:2B:3C:4D:5E', 'a4-5e-60-c2-11-0f', '001a.2b3c.4d5e'],
    contexts: ['设备 MAC ', '网卡地址：'],
    negatives: ['00:00:00:00:00:00', '00:1A:2B:3C:4D', 'FF:FF:FF:FF:FF:FF'],
  },
  'url-credentials': {
    positives: ['https://admin:s3cret@db.example.com/path', 'ftp://user:pw@files.example.org'],
    contexts: ['连接串 ', '见 '],
    negatives: ['https://example.com/a:b@c', 'https://user@example.com'],
  },
  'person-name': {
    positives: ['张伟', '欧阳娜娜', '李秀英'],
    contexts: ['联系人：', '收件人 '],
    negatives: ['王孙', '黄河', '高山流水'],
  },
  address: {
    positives: [
      '北京市海淀区中关村大街27号',
      '广东省深圳市南山区科技园路88号3栋502室',
      '上海市徐汇区漕溪北路18号',
    ],
    contexts: ['地址：', '住址 '],
    negatives: ['北京市', '3月5号', '地铁1号线', '海淀区'],
  },
};

/** Look-alikes no detector may report: order numbers, timestamps, prices, ISBNs, versions, verse. */
export const LOOK_ALIKES = [
  '订单号 20231125123045678 已发货',
  '订单号：110101199003071234',
  '交易流水号 6222021234567890128',
  'ISBN 978-7-111-54742-6',
  'ISBN 9787111547426',
  '时间戳 1700000000000',
  '时间戳 1700000000',
  '2023-11-25 12:30:45',
  '价格 ¥1380.00，优惠 ¥13.80',
  '金额 13812345678 元',
  '版本 1.2.3.4',
  '床前明月光，疑是地上霜。举头望明月，低头思故乡。',
  '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。',
  '第3号选手，地铁2号线，3月5号见',
];
