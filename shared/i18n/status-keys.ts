/** The message of each run status ("completed", "已完成", "完了"): the page's status words and the desktop notifications'. */
import type { RunStatus } from '../run-status';
import type { MessageKey } from './translate';

export const STATUS_KEYS: Record<RunStatus, MessageKey> = {
  queued: 'status.queued',
  running: 'status.running',
  paused: 'status.paused',
  completed: 'status.completed',
  stopped: 'status.stopped',
  failed: 'status.failed',
  diverged: 'status.diverged',
  interrupted: 'status.interrupted',
};
