import type { queue as zh } from '../zh/queue.js';

export const queue: Record<keyof typeof zh, string> = {
  'queue.badUrl': 'Queue address "{url}" is not a redis:// or rediss:// URL',
  'queue.redisDown':
    'Cannot reach Redis ({url}): check that redis-server is running and the address is right',
  'queue.unknownKind': 'Unknown job kind "{kind}" (this worker runs: {known})',
  'queue.badPayload': 'Invalid data for job kind "{kind}": {message}',
};
