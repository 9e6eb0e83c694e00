/** Command-line options of the UI benchmark (pure, unit-tested in options.test.ts). */

export interface BenchOptions {
  /** Cold page loads per tool and method (alternating ours / Swagger UI). */
  readonly runs: number;
  /** Keystrokes measured for keystroke → code-updated latency. */
  readonly keystrokes: number;
  /** The app listens on `port`, Swagger UI on port + 1, the framework floor on port + 2. */
  readonly port: number;
  readonly help: boolean;
}

export const USAGE = `Usage: npx tsx scripts/bench-ui/run.ts [--runs N] [--keystrokes N] [--port P]
  --runs N         cold loads per tool and method (ours hydrated, ours typed at first paint, Swagger UI),
                   in alternating order (default 5)
  --keystrokes N   keystrokes measured for keystroke → code-updated latency (default 30)
  --port P         the app on 127.0.0.1:P, Swagger UI on P+1, the framework floor on P+2 (default 3300: several
                   people on one machine each pass their own)
Builds the production app into .next-bench, serves it and Swagger UI on loopback,
prints the figures and writes .cache/bench-ui/report.json. Prints figures only: a missed goal is not an error.`;

function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 1)
    throw new Error(`${flag} needs a positive integer`);
  return n;
}

/** Accepts `--runs 3` and `--runs=3`; unknown arguments are errors (a typo must not silently use defaults). */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let runs = 5;
  let keystrokes = 30;
  let port = 3300;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--runs") runs = positiveInt(flag, value());
    else if (flag === "--keystrokes") keystrokes = positiveInt(flag, value());
    else if (flag === "--port") {
      port = positiveInt(flag, value());
      if (port > 65533) throw new Error("--port needs room for P+2 below 65536");
    } else if (flag === "--help" || flag === "-h") help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return { runs, keystrokes, port, help };
}
