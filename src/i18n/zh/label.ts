export const label = {
  'label.description':
    '生成合成内容标识（《人工智能生成合成内容标识办法》、GB 45438-2025）：添加、检查、查看显式与隐式标识',
  'label.help.examples': `示例：
  beian label add out/ --producer 001191110102MAD55U9H0F10002            （隐式标识：写入文件元数据）
  beian label add poster.png answer.txt --producer 001191110102MAD55U9H0F10002 --explicit
  beian label check out/ --out label-report.html
  beian label check uploads/ --as-platform --declared declared.txt --propagator 001191110102MAD55U9H0F20003
  beian label inspect poster.png --json

支持的格式：PNG、JPEG、WebP、GIF、TIFF、WAV、MP3、FLAC、Ogg（Vorbis/Opus）、MP4/MOV、PDF、DOCX/XLSX/PPTX、Markdown；
纯文本、JSON、CSV 等使用旁车文件 <文件名>.aigc.json。每个格式的存放位置与依据见 docs/label.md。

退出码：0 全部通过 · 1 有文件未通过 · 2 参数或输入有误 · 3 缺少 ffmpeg（音视频显式标识）`,
  'label.add.description':
    '为文件或目录中的文件添加标识：默认写入隐式标识（元数据，含 ReservedCode1 完整性摘要），--explicit 同时添加显式标识',
  'label.check.description':
    '检查文件的隐式标识（JSON 结构、字段、字符集、唯一性、服务提供者编码、完整性）与可检查的显式标识（文本、WAV 节奏）',
  'label.inspect.description': '显示一个文件中找到的每个标识及其位置、字段与问题',
  'label.option.producer': '服务提供者编码（TC260 实践指南格式，27 位，如 001191110102MAD55U9H0F10002）',
  'label.option.produceId': '内容编号 ProduceID（默认每个文件生成一个 UUID）',
  'label.option.label': '标识类别 Label：1 属于、2 可能、3 疑似（默认 1）',
  'label.option.explicit': '同时添加显式标识（文本提示、图片文字、音频节奏或语音、视频片头文字）',
  'label.option.noImplicit': '不写隐式标识（只加显式标识）',
  'label.option.text': '显式标识文字（默认“本内容由人工智能生成”）',
  'label.option.position': '文本标识位置：start 或 end（默认 start）',
  'label.option.imagePosition':
    '图片/视频标识位置：top-left、top、top-right、bottom-left、bottom、bottom-right（默认 bottom-right）',
  'label.option.audioLabel': '用这段语音标识代替“短长短短”节奏',
  'label.option.audioPosition': '音频标识位置：start 或 end（默认 start）',
  'label.option.videoSeconds': '视频片头标识显示秒数（默认 2，不少于 2）',
  'label.option.throughout': '视频全程显示标识',
  'label.option.noExplicitCheck': '不检查显式标识',
  'label.option.out': '同时写出 HTML 报告',
  'label.option.asPlatform': '以传播平台身份检查（办法第六条）：按元数据与用户声明把文件归为 Label 1/2/3',
  'label.option.declared': '用户声明为生成合成内容的文件清单（每行一个路径）',
  'label.option.declareAll': '视所有文件都有用户声明',
  'label.option.propagator': '平台（传播者）编码：写入 ContentPropagator 与 PropagateID',
  'label.option.service': '所属服务（beian.yaml 中的服务 id），用于备案材料与仪表盘',
  'label.option.noSave': '不保存检查结果到数据库',
  'label.badProducer':
    '{flag} {code} 不是 TC260 格式的服务提供者编码（{problems}）：应为 27 位，如 001191110102MAD55U9H0F10002（00 + 11 + 统一社会信用代码 + 服务类型 1/2 + 4 位模型/应用编码）',
  'label.badLabel': '--label 只能是 1、2 或 3',
  'label.badPosition': '{flag} 取值 “{value}” 不在 {allowed} 之中',
  'label.badText':
    '--text 须同时包含人工智能要素（人工智能 / AI）与生成要素（生成 / 合成），如“本内容由人工智能生成”',
  'label.badSeconds': '--video-seconds 必须是不少于 2 的数字',
  'label.noFiles': '没有找到要处理的文件：{paths}',
  'label.header.file': '文件',
  'label.header.format': '格式',
  'label.header.implicit': '隐式',
  'label.header.explicit': '显式',
  'label.header.class': '平台分类',
  'label.header.problems': '问题',
  'label.progress': '检查标识',
  'label.progressAdd': '添加标识',
  'label.summary': '共 {total} 个文件：通过 {passed}，未通过 {failed}',
  'label.classes':
    '平台分类：Label 1（属于）{c1} · Label 2（可能）{c2} · Label 3（疑似）{c3} · 无迹象 {none}',
  'label.added': '已为 {n} 个文件添加标识，失败 {failed} 个',
  'label.explicit.ok': '✓',
  'label.explicit.missing': '✗',
  'label.explicit.na': '—',
  'label.saved': '检查结果已保存（{n} 个文件）',
  'label.report': '报告已写入 {file}',
  'label.inspect.none': '没有找到隐式标识',
  'label.inspect.where': '位置',
  'label.inspect.digest': '内容摘要（SM3）',
  'label.issue.json': '不是合法的 JSON',
  'label.issue.not-object': 'AIGC 的值不是 JSON 对象',
  'label.issue.missing': '缺少必填字段 {field}',
  'label.issue.not-string': '字段 {field} 的值不是字符串',
  'label.issue.label-value': 'Label 只能是 "1"、"2" 或 "3"（现为 {detail}）',
  'label.issue.charset':
    '字段 {field} 含有不允许的字符 {detail}（只允许 0x21、0x23–0x5B、0x5D–0x7E 及转义的引号；中文名称须用编码）',
  'label.issue.unknown-field': '未知字段 {field}',
  'label.issue.provider-code': 'ContentProducer 不是 TC260 格式的服务提供者编码（{detail}）',
  'label.issue.propagator-code': 'ContentPropagator 不是 TC260 格式的编码（{detail}）',
  'label.issue.integrity-missing': '没有 ReservedCode1 完整性数据',
  'label.issue.integrity-mismatch': 'ReservedCode1 与内容摘要不符：标识之后内容被改动过',
  'label.issue.integrity-format': 'ReservedCode1 不是 beian 能核验的格式，未核验',
  'label.issue.duplicate': '文件中有多个标识（{detail}）：每个文件只能有一个，应覆盖而非追加',
  'label.issue.absent': '没有隐式标识',
  'label.issue.unsupported': '不支持的文件格式',
  'label.issue.damaged': '文件损坏或无法解析：{detail}',
  'label.issue.explicit-missing': '没有找到显式标识',
  'label.html.title': '生成合成内容标识检查报告',
  'label.html.generated': '生成时间 {time}',
  'web.labels.heading': '生成合成内容标识',
  'web.labels.intro':
    '各服务最近一次 beian label check 的结果（beian label check <目录> --service <服务>）。',
  'web.labels.none': '还没有标识检查结果：运行 beian label check <目录> --service <服务>。',
  'web.labels.noService': '未指定服务',
  'web.labels.files': '文件数',
  'web.labels.failed': '未通过',
  'web.labels.failing': '未通过的文件',
  'web.labels.nav': '内容标识',
  'label.err.value': '标识的值无效：{detail}',
  'label.err.declared': '无法读取声明清单 {list}',
  'label.err.imageSize': '{file}：无法读取图片尺寸',
  'label.err.noAudio': '{file}：没有音频流',
  'label.err.codec': '{file}：beian 不重新编码 {codec} 音频',
  'label.err.noVideo': '{file}：没有视频流',
  'label.err.kb': '无法读取 {file}：{message}',
  'label.err.toolMissing':
    '没有安装 {tool}：添加音视频显式标识需要 Debian 的 ffmpeg 软件包（apt install ffmpeg）',
  'label.err.toolFailed': '{tool} 运行失败：{message}',
  'label.err.notFound': '找不到文件 {file}',
  'label.notShown': '另有 {n} 个未通过的文件未在终端列出：见 --json 或 --out 报告',
  'label.sourceShorter': '源文件比预期短（在偏移 {at} 处）：读取期间文件可能被改动',
};
