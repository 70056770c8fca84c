/** 扩展执行的 PII 扫描与去标识化（beian pii --queue）。 */
export const piiQueue = {
  'queue.csvNoHeader': '{file}:{line}：此 CSV 分片之前找不到表头（文件自提交后已改变？）',
  'queue.piiKeyDiffers':
    '工作进程的假名化密钥与提交方不同（{env}）：所有机器须使用同一密钥，否则同一个值在各分片得到不同的假名',
  'queue.partMissing':
    '分片 {shard} 的去标识化输出 {file} 不存在或不完整：各机器须共享同一目录（--parts-dir，多机时用共享卷）',
  'queue.partsDirUnwritable': '工作进程无法写入分片输出目录 {dir}：{message}',
  'queue.piiDone': '运行 {run} 已完成，报告取自数据库（去标识化文件已在完成时写好）',
  'pii.option.queue':
    '把扫描切分为分片（文件，及大 JSONL/TXT/CSV 文件按记录边界切分），提交到 Redis 队列由 beian worker 执行；报告与去标识化文件与本机运行相同；需要 PostgreSQL --db',
  'pii.option.attach': '接续已提交的运行（提交方中断后）',
  'pii.option.shardBytes': '大文件按此字节数切分（按记录对齐，默认 32 MiB）',
  'pii.option.attempts': '每个分片最多尝试次数（默认 3）',
  'pii.option.partsDir':
    '各分片的去标识化输出与 --findings 行先写到这里（所有工作进程须能以同一路径访问；默认 --out 下的 .beian-parts），全部完成后按顺序拼接',
};
