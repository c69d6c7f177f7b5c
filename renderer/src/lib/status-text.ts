/** A run's status in the page's language ("completed", "已完成", "完了"); the status itself stays the stored English word. */
import { STATUS_KEYS } from '../../../shared/i18n/status-keys';
import type { RunStatus } from '../../../shared/run-status';
import { t } from './i18n';

export function statusText(status: RunStatus): string {
  return t(STATUS_KEYS[status]);
}
