/** 多机扩展（队列上的红队评测、共享限流、看板任务状态）。 */
export const scaleOut = {
  'redteam.opt.queue':
    '把用例分批放入 Redis 队列（redis://…），由各机器上的 beian worker 执行；需同时给出 --db',
  'redteam.opt.attach': '重新连接一个已提交到队列的运行（提交方中断后），等它完成并输出与本地运行相同的报告',
  'redteam.opt.queuePrefix': '队列键前缀（默认 beian），与 beian worker --queue-prefix 相同',
  'redteam.opt.batchSize': '每个队列批次的题目数（默认 50）',
  'redteam.queue.attachNeedsQueue': '--attach 需要同时给出 --queue redis://…（运行所在的队列）',
  'redteam.queue.badPrefix': '队列前缀 {prefix} 无效：只能用字母、数字、点、横线和下划线',
  'redteam.queue.needDb':
    '--queue 需要团队数据库：请同时给出 --db postgres://…（worker 写入结果的同一个库），本地 SQLite 文件其他机器读不到',
  'redteam.queue.noRun': '队列任务所属的运行 {runId} 不在数据库中：worker 与提交方需使用同一个 --db',
  'redteam.queue.attachUnknown':
    '队列中没有运行 {runId} 的批次：请检查 --queue 地址与运行编号（beian redteam runs）',
  'redteam.queue.submitted':
    '运行 {runId}：{batches} 个批次（{pending} 个用例）已在队列中；提交方中断后可用 --attach {runId} 重新连接\n',
  'redteam.queue.failedBatches':
    '{n} 个批次在重试后仍失败（{first}）：其余结果已保存，修复后用相同参数重新运行可补齐',
  'redteam.queue.progress': '队列评测',
  'serve.option.queue':
    '队列 Redis 地址（redis://…），运行页面显示各运行的排队/执行中/失败任务；也可用环境变量 BEIAN_QUEUE',
  'server.jobs.title': '队列任务',
  'server.jobs.waiting': '排队',
  'server.jobs.active': '执行中',
  'server.jobs.completed': '已完成',
  'server.jobs.failed': '失败',
  'server.jobs.lost': '队列已丢失（提交方将重新入队）',
  'server.jobs.none': '此运行没有队列任务（本地运行）',
  'server.jobs.off': '未配置队列（beian serve --queue redis://…）',
} as const;
