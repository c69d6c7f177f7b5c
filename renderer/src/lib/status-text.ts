/** A run's status in the page's language ("completed", "已完成", "完了"); the status itself stays the stored English word. */
import type { RunStatus } from '../../../shared/run-status';
import { t, type MessageKey } from './i18n';

const STATUS_KEYS: Record<RunStatus, MessageKey> = {
  queued: 'status.queued',
  running: 'status.running',
  paused: 'status.paused',
  completed: 'status.completed',
  stopped: 'status.stopped',
  failed: 'status.failed',
  diverged: 'status.diverged',
  interrupted: 'status.interrupted',
};

export function statusText(status: RunStatus): string {
  return t(STATUS_KEYS[status]);
}
