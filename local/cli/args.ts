/** Command-line parsing for dtts: positionals plus --name value / --name=value options and --flags. */

/** Parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

/** Thrown for bad usage; the CLI prints the message and exits with code 1. */
export class UsageError extends Error {}

/**
 * Parses argv. Options listed in `valued` take a value; those in `flags` do not. Anything that does
 * not start with "--" is positional (so "-5" and JSON arguments pass through); "--" ends options.
 */
export function parseArgs(
  argv: readonly string[],
  spec: { valued: readonly string[]; flags: readonly string[] },
): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.flags.add(name);
    } else if (spec.valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      out.options[name] = value;
    } else {
      throw new UsageError(`Unknown option --${name}`);
    }
  }
  return out;
}

/** A JSON argument, or the text itself when it is not JSON. */
export function parseJsonArg(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses --now: an ISO-8601 date-time. */
export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new UsageError(`--now must be an ISO-8601 date-time, got "${text}"`);
  return new Date(ms);
}
