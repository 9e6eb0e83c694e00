/**
 * Sample requests for the sweep: valid values for every required parameter of a method (type, format, enum,
 * pattern, minimum/maximum), `{}` as the body when the method has a request schema, OAuth with the suggested
 * scope (or no auth when the method declares none); on request, every standard parameter too. Pure.
 */
import { suggestScopes } from "@/lib/auth/scopes";
import type { ApiModel, MethodModel, ParameterModel } from "@/lib/discovery/model-types";
import { isSecretParam } from "@/lib/request/canonical";
import { compileDiscoveryPattern } from "@/lib/request/validate";
import type { ExplorerRequest, ParamScalar, ParamValue } from "@/lib/request/types";

/** The word a "one path segment" wildcard (`[^/]+`, `.+`, `\w+`) becomes: sample1, sample2, … per parameter. */
const WORD = "sample";

/**
 * A string the (Java-flavoured) Discovery `pattern` matches. Handles what the documents use: anchors, literals,
 * escapes, classes (plain and negated), groups with alternatives (first one taken), `* + ? {n,m}`.
 * `[^/]+`-like wildcards become `sample<n>`. Returns null when the result does not match (caller reports it).
 */
export function sampleForPattern(pattern: string, counter: { n: number } = { n: 0 }): string | null {
  let i = 0;
  const src = pattern.replace(/^\(\?[ims]+\)/, "");

  // Parses a sequence until `)` or end; returns a generator of text for the sequence (first alternative).
  function parseAlternatives(): string {
    const alts: string[] = [];
    let current = "";
    while (i < src.length && src[i] !== ")") {
      if (src[i] === "|") {
        alts.push(current);
        current = "";
        i++;
        continue;
      }
      current += parseQuantified();
    }
    alts.push(current);
    // Prefer the first non-empty alternative (an empty one is usually the "optional" branch).
    return alts.find((a) => a !== "") ?? "";
  }

  /** One atom and its quantifier. */
  function parseQuantified(): string {
    const atom = parseAtom();
    let min = 1;
    let quantified = false;
    let counted = false;
    const q = src[i];
    if (q === "*") {
      min = 0;
      quantified = true;
      i++;
    } else if (q === "+") {
      min = 1;
      quantified = true;
      i++;
    } else if (q === "?") {
      i++;
      return ""; // optional: leave it out
    } else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (m) {
        min = Number(m[1]);
        i += m[0].length;
        const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        if (min === 0 && max > 0) min = 1;
        quantified = true;
        counted = true;
      }
    }
    // Lazy/possessive suffixes.
    if (quantified && (src[i] === "?" || src[i] === "+")) i++;
    if (atom.kind === "wild" && quantified && !counted) {
      // A "word" wildcard: emit a readable sample once (one segment), even for `*`.
      counter.n += 1;
      const word = `${WORD}${counter.n}`;
      if (atom.accepts(word)) return word;
      return atom.text.repeat(Math.max(min, 1));
    }
    if (quantified && min === 0) return "";
    return atom.text.repeat(min);
  }

  type Atom = { kind: "literal" | "group" | "class" | "wild"; text: string; accepts: (s: string) => boolean };

  function classAtom(body: string, negated: boolean): Atom {
    let re: RegExp;
    try {
      re = new RegExp(`^[${negated ? "^" : ""}${body}]+$`, "u");
    } catch {
      re = /^[a-z0-9]+$/;
    }
    const candidates = "sample1abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@:~ ";
    const first = [...candidates].find((c) => re.test(c)) ?? "a";
    const accepts = (s: string): boolean => re.test(s);
    // A negated class that accepts letters and digits is a wildcard (`[^/]`); a positive class that accepts
    // `sample1` too (`[a-z0-9-]`).
    return { kind: accepts("sample1") ? "wild" : "class", text: first, accepts };
  }

  function parseAtom(): Atom {
    const c = src[i]!;
    const lit = (text: string): Atom => ({ kind: "literal", text, accepts: (s) => s === text });
    if (c === "^" || c === "$") {
      i++;
      return lit("");
    }
    if (c === "(") {
      i++;
      if (src[i] === "?") {
        // (?:  (?<name>  (?=  (?!  (?i)
        const m = /^\?(:|<[A-Za-z][A-Za-z0-9]*>|P<[A-Za-z][A-Za-z0-9]*>|=|!|[ims]+:?)/.exec(src.slice(i));
        if (m) i += m[0].length;
        if (m && (m[1] === "=" || m[1] === "!")) {
          parseAlternatives();
          i++;
          return lit("");
        }
      }
      const text = parseAlternatives();
      i++; // ')'
      return { kind: "group", text, accepts: (s) => s === text };
    }
    if (c === "[") {
      i++;
      let negated = false;
      if (src[i] === "^") {
        negated = true;
        i++;
      }
      let body = "";
      if (src[i] === "]") {
        body += "\\]";
        i++;
      }
      while (i < src.length && src[i] !== "]") {
        if (src[i] === "\\") {
          body += src.slice(i, i + 2);
          i += 2;
        } else {
          body += src[i] === "/" ? "\\/" : src[i] === "[" ? "\\[" : src[i];
          i++;
        }
      }
      i++; // ']'
      return classAtom(body, negated);
    }
    if (c === ".") {
      i++;
      return { kind: "wild", text: "x", accepts: () => true };
    }
    if (c === "\\") {
      const e = src[i + 1]!;
      i += 2;
      if (e === "d") return { kind: "class", text: "1", accepts: (s) => /^\d+$/.test(s) };
      if (e === "w") return { kind: "wild", text: "a", accepts: (s) => /^\w+$/.test(s) };
      if (e === "s") return lit(" ");
      if (e === "S") return { kind: "wild", text: "a", accepts: (s) => /^\S+$/.test(s) };
      if (e === "D" || e === "W") return lit("-");
      if (e === "A" || e === "z" || e === "Z" || e === "b" || e === "B") return lit("");
      if (e === "p" || e === "P") {
        const m = /^\{[^}]*\}/.exec(src.slice(i));
        if (m) i += m[0].length;
        return { kind: "class", text: "a", accepts: (s) => /^[a-z]+$/.test(s) };
      }
      if (e === "n") return lit("\n");
      if (e === "t") return lit("\t");
      return lit(e);
    }
    i++;
    return lit(c);
  }

  let out: string;
  try {
    out = parseAlternatives();
  } catch {
    return null;
  }
  const re = compileDiscoveryPattern(pattern);
  if (re === null) return out; // validate.ts skips such patterns too
  return re.test(out) ? out : null;
}

function sampleScalar(p: ParameterModel, counter: { n: number }): ParamScalar | { error: string } {
  if (p.enum && p.enum.length > 0) {
    const pick = p.enum.find((e) => !e.deprecated) ?? p.enum[0]!;
    return p.type === "integer" || p.type === "number" ? Number(pick.value) : pick.value;
  }
  switch (p.type) {
    case "boolean":
      return true;
    case "integer": {
      let n = 1;
      if (p.minimum !== undefined && n < p.minimum) n = Math.ceil(p.minimum);
      if (p.maximum !== undefined && n > p.maximum) n = Math.floor(p.maximum);
      return n;
    }
    case "number": {
      let n = 1.5;
      if (p.minimum !== undefined && n < p.minimum) n = p.minimum;
      if (p.maximum !== undefined && n > p.maximum) n = p.maximum;
      return n;
    }
    default:
      break;
  }
  const isInt = ["int64", "uint64", "int32", "uint32"].includes(p.format ?? "");
  if (p.pattern !== undefined && !(isInt && compileDiscoveryPattern(p.pattern)?.test("1") === true)) {
    const s = sampleForPattern(p.pattern, counter);
    return s ?? { error: `no sample for pattern ${p.pattern}` };
  }
  switch (p.format) {
    case "int64":
    case "uint64":
    case "int32":
    case "uint32":
      return "1";
    case "google-datetime":
    case "date-time":
      return "2026-01-01T00:00:00Z";
    case "date":
      return "2026-01-01";
    case "google-duration":
      return "3.5s";
    case "google-fieldmask":
      return "name";
    case "byte":
      return "c2FtcGxl";
    case "double":
    case "float":
      return "1.5";
    default:
      break;
  }
  counter.n += 1;
  return `${WORD}${counter.n}`;
}

export interface SampleResult {
  readonly request: ExplorerRequest;
  /** Parameters the generator could not produce a matching value for (reported, then sent anyway). */
  readonly problems: readonly string[];
}

/**
 * Sample values of the standard parameters where a generic one says little; the others get sampleScalar's.
 * `alt` stays `json`: alt=media is a download, proven by testing/snippets-e2e (the sweep's fakes answer JSON).
 */
const STANDARD_SAMPLES: Readonly<Record<string, ParamScalar>> = {
  alt: "json",
  fields: "kind",
  prettyPrint: false,
  quotaUser: "sample-quota-user",
};

export interface SampleOptions {
  /** Also set every standard parameter of the API (but the credential ones, which travel in `auth`). */
  readonly standardParams?: boolean;
}

/** The sample request for `method` (see the module comment). */
export function sampleRequest(api: ApiModel, method: MethodModel, opts: SampleOptions = {}): SampleResult {
  const params: Record<string, ParamValue> = {};
  const problems: string[] = [];
  const counter = { n: 0 };
  const requiredNames = new Set(method.parameterOrder);
  for (const p of method.parameters) {
    if (!p.required && !requiredNames.has(p.name)) continue;
    const v = sampleScalar(p, counter);
    if (typeof v === "object") {
      problems.push(`${p.name}: ${v.error}`);
      counter.n += 1;
      params[p.name] = p.repeated ? [`${WORD}${counter.n}`] : `${WORD}${counter.n}`;
      continue;
    }
    params[p.name] = p.repeated ? [v] : v;
  }
  if (opts.standardParams === true) {
    const own = new Set(method.parameters.map((p) => p.name));
    for (const p of api.standardParameters) {
      if (own.has(p.name) || isSecretParam(p.name)) continue;
      const v = Object.hasOwn(STANDARD_SAMPLES, p.name)
        ? (STANDARD_SAMPLES[p.name] as ParamScalar)
        : sampleScalar(p, counter);
      if (typeof v === "object") {
        problems.push(`${p.name}: ${v.error}`);
        continue;
      }
      params[p.name] = p.repeated ? [v] : v;
    }
  }
  const scopes = suggestScopes(method);
  return {
    request: {
      api: api.name,
      version: api.version,
      method: method.id,
      params,
      body: method.requestSchema !== null ? {} : null,
      auth: scopes.length > 0 ? { type: "oauth", scopes } : { type: "none" },
    },
    problems,
  };
}
