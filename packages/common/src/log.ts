// One structured JSON line per event worth knowing. Daemons log to stdout, which
// `tsmr local start` sends to DIR/logs/<daemon>.log.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(name: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ name, level: process.env.TSMR_LOG_LEVEL ?? 'info', base: { pid: process.pid, ...bindings } });
}

/** For tests and tools that want no output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
