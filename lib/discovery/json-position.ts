/**
 * Where does a JSON text first go wrong?
 *
 * Node 20's `JSON.parse` errors ("Unexpected token '}', ... is not valid JSON") carry no position, and people fixing
 * a hand-edited document need one. This is a small recursive-descent checker used only on the failure path, so it
 * favours clarity over speed. It reports the first offending offset with a 1-based line and column.
 */

export interface JsonErrorLocation {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Returns the first syntax error in `text`, or null when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw new Stop(i, reason);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? "end of input" : JSON.stringify(text[i]));
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail("control character in string");
      if (c === 0x5c) {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("bad \\u escape");
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fail("bad escape in string");
      } else i++;
    }
    fail("unterminated string");
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe()}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail(`unexpected ${describe()}, expected a value`);
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === "}") return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`unexpected ${describe()}, expected a property name`);
      string();
      ws();
      if (text[i] !== ":") fail(`unexpected ${describe()}, expected ':'`);
      i++;
      value();
      ws();
      if (text[i] === ",") i++;
      else if (text[i] === "}") return void i++;
      else fail(`unexpected ${describe()}, expected ',' or '}'`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === "]") return void i++;
    for (;;) {
      value();
      ws();
      if (text[i] === ",") i++;
      else if (text[i] === "]") return void i++;
      else fail(`unexpected ${describe()}, expected ',' or ']'`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the JSON value`);
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split("\n").length;
    const column = e.offset - before.lastIndexOf("\n");
    return { offset: e.offset, line, column, message: e.reason };
  }
}
