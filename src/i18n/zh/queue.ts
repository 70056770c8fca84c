export const queue = {
  'queue.badUrl': '队列地址 “{url}” 不是 redis:// 或 rediss:// URL',
  'queue.redisDown': '无法连接 Redis（{url}）：请确认 redis-server 已启动且地址正确',
  'queue.unknownKind': '未知的任务类型 “{kind}”（本工作进程支持：{known}）',
  'queue.badPayload': '任务类型 “{kind}” 的数据无效：{message}',
};
