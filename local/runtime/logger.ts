/** Logger (a counted service) and the console the bundle sees (not counted). */
import { format } from 'node:util';
import type { LogEntry, RuntimeContext } from './context';
import { asGas, SERVICE_NAME, ServiceObject } from './service';

/** Logger.log/getLog/clear; lines also go to the runtime's log. */
export class LocalLogger
  extends ServiceObject
  implements Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'>
{
  get [SERVICE_NAME]() {
    return 'Logger';
  }

  private lines: string[] = [];

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message =
      values.length > 0 && typeof data === 'string'
        ? data.replace(/%s|%d/g, () => String(values.shift()))
        : typeof data === 'string'
          ? data
          : format('%j', data);
    this.lines.push(message);
    this.ctx.log({ level: 'info', message });
    return asGas(this);
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  clear(): void {
    this.lines = [];
  }
}

/** A console whose lines go to the runtime's log (and, if the runtime says so, to stderr). */
export function createConsole(ctx: RuntimeContext): Console {
  const timers = new Map<string, number>();
  const write =
    (level: LogEntry['level']) =>
    (...args: unknown[]) =>
      ctx.log({ level, message: format(...args) });
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    time: (label = 'default') => {
      timers.set(label, performance.now());
    },
    timeEnd: (label = 'default') => {
      const start = timers.get(label);
      if (start !== undefined)
        ctx.log({ level: 'info', message: `${label}: ${(performance.now() - start).toFixed(0)}ms` });
      timers.delete(label);
    },
  } as unknown as Console;
}
