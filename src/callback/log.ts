/**
 * Request logging as an allow-list: a log line can only hold these fields, so a body, an address,
 * a user agent or a query string cannot reach the logs by accident.
 */
export interface RequestLogLine {
  route: string;
  status: number;
  durationMs: number;
  reference?: string;
  /** The class name of an error (e.g. "SqliteError"), never its message, which may quote data. */
  errorClass?: string;
}

/** What a log line may say about an error: its class name only. */
export function errorClassOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

/** Writes one JSON line to stdout with the time and only the allowed fields. */
export function logRequest(line: RequestLogLine): void {
  const entry = {
    time: new Date().toISOString(),
    route: line.route,
    status: line.status,
    durationMs: Math.round(line.durationMs),
    ...(line.reference ? { reference: line.reference } : {}),
    ...(line.errorClass ? { errorClass: line.errorClass } : {}),
  };
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}
