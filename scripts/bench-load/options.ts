/** Command-line options of the load benchmark (pure, unit-tested in options.test.ts). */

export interface LoadOptions {
  /** Seconds per case (1–20). */
  readonly duration: number;
  /** How many times the whole case list runs (RSS must stay flat across them). */
  readonly repeats: number;
  /** An already running explorer to target instead of starting the production build. */
  readonly url: string | null;
  /** Only cases whose name contains one of these. */
  readonly only: readonly string[];
  readonly help: boolean;
}

export const MAX_DURATION_S = 20;

export const USAGE = `Usage: npm run bench:load -- [--duration S] [--repeats N] [--quick] [--only NAME]... [--url URL]
  --duration S   seconds per case, at most ${MAX_DURATION_S} (default 10)
  --repeats N    runs of the whole case list; server RSS is read after each (default 3)
  --quick        --duration 3 --repeats 1 (a smoke run, figures not meaningful)
  --only NAME    only cases whose name contains NAME (repeatable), e.g. --only search
  --url URL      target a running explorer on loopback (no build, no RSS) instead of starting one
Builds the production app into .next-bench, serves it with the offline snapshot on 127.0.0.1:3310, runs autocannon
against each case at 10 and 50 connections, prints the figures and writes .cache/bench-load/report.json.
Prints figures only: a missed goal is not an error.`;

function intIn(flag: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < min || n > max)
    throw new Error(`${flag} needs a whole number from ${min} to ${max}`);
  return n;
}

/** Only loopback: the benchmark must never send load anywhere else. */
function loopbackUrl(text: string | undefined): string {
  let url: URL;
  try {
    url = new URL(text ?? "");
  } catch {
    throw new Error("--url needs an http(s) URL");
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error("--url needs an http(s) URL");
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
    throw new Error(`--url must be on loopback (127.0.0.1, localhost, [::1]); got ${url.hostname}`);
  return url.origin;
}

/** Accepts `--flag value` and `--flag=value`; unknown arguments are errors (a typo must not silently use defaults). */
export function parseOptions(argv: readonly string[]): LoadOptions {
  let duration: number | undefined;
  let repeats: number | undefined;
  let quick = false;
  let url: string | null = null;
  const only: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--duration") duration = intIn(flag, value(), 1, MAX_DURATION_S);
    else if (flag === "--repeats") repeats = intIn(flag, value(), 1, 10);
    else if (flag === "--quick") quick = true;
    else if (flag === "--url") url = loopbackUrl(value());
    else if (flag === "--only") {
      const name = value();
      if (!name) throw new Error("--only needs a case name");
      only.push(name);
    } else if (flag === "--help" || flag === "-h") help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return {
    duration: duration ?? (quick ? 3 : 10),
    repeats: repeats ?? (quick ? 1 : 3),
    url,
    only,
    help,
  };
}
