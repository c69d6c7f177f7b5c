/** One line for any thrown value: what a user or a client is told. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
