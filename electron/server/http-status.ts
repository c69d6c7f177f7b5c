/**
 * The HTTP status the browser bridge answers a failed API call with: 400 only for a request that cannot be valid,
 * 404, 409 or 503 for what the client can act on, 500 for the backend's own failures. The body always carries the
 * message, which the page shows whatever the status.
 */
import { ConflictError, InvalidRequestError, NotFoundError, UnavailableError } from '../../shared/errors';

export function httpStatusOf(error: unknown): number {
  if (error instanceof InvalidRequestError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof UnavailableError) return 503;
  return 500;
}
