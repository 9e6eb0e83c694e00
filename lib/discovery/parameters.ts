/**
 * Parameters: RawParameter → ParameterModel, and the display/call order promised in model-types.ts.
 */
import type { EnumValueModel, ParameterLocation, ParameterModel, ParameterType } from "./model-types";
import type { RawMethod, RawParameter } from "./types";

const PARAMETER_TYPES = new Set<ParameterType>(["string", "integer", "number", "boolean", "object", "any"]);

/** Code-unit order: deterministic across runtimes and locales (unlike localeCompare). */
export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Variables of an RFC 6570 path template: `v1/{+name}:get` → `["name"]`, `{a,b}` → `["a","b"]`, operators and
 * modifiers (`+#./;?&`, `*`, `:3`) stripped.
 */
export function pathTemplateVariables(path: string): string[] {
  const names: string[] = [];
  for (const [, expr] of path.matchAll(/\{([^}]*)\}/g)) {
    for (const spec of expr!.replace(/^[+#./;?&]/, "").split(",")) {
      const name = spec.replace(/\*$|:\d+$/, "").trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

const toNumber = (s: string | undefined): number | undefined => {
  if (s === undefined || s.trim() === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

function enumValues(raw: RawParameter): EnumValueModel[] | undefined {
  if (!raw.enum) return undefined;
  return raw.enum.map((value, i) => ({
    value,
    description: raw.enumDescriptions?.[i] ?? "",
    deprecated: raw.enumDeprecated?.[i] ?? false,
  }));
}

interface ParameterContext {
  readonly standard: boolean;
  /** Set when the name is a variable of the method's path: overrides the declared location. */
  readonly inPath: boolean;
  readonly inParameterOrder: boolean;
}

export function buildParameter(name: string, raw: RawParameter, ctx: ParameterContext): ParameterModel {
  // Absent or unknown types are strings on the wire (python's `_cast` treats them so); "any"/"object" are kept
  // because the form needs to know it should offer free-form JSON.
  const type: ParameterType = PARAMETER_TYPES.has(raw.type as ParameterType)
    ? (raw.type as ParameterType)
    : "string";
  // google-api-python-client moves any `{var}` of the path into path_params whatever `location` says.
  const location: ParameterLocation = ctx.inPath ? "path" : raw.location === "path" ? "path" : "query";
  const model: { -readonly [K in keyof ParameterModel]: ParameterModel[K] } = {
    name,
    location,
    type,
    // A path variable is required in practice: the URL cannot be built without it.
    required: raw.required === true || ctx.inParameterOrder || ctx.inPath,
    repeated: raw.repeated === true,
    description: raw.description ?? "",
    deprecated: raw.deprecated === true,
    standard: ctx.standard,
  };
  if (raw.format !== undefined) model.format = raw.format;
  const values = enumValues(raw);
  if (values) model.enum = values;
  if (raw.pattern !== undefined) model.pattern = raw.pattern;
  const minimum = toNumber(raw.minimum);
  if (minimum !== undefined) model.minimum = minimum;
  const maximum = toNumber(raw.maximum);
  if (maximum !== undefined) model.maximum = maximum;
  if (raw.default !== undefined) model.default = raw.default;
  return model;
}

/**
 * A method's own parameters in the contract order: path parameters first (parameterOrder order, then the others
 * in the order they occur in the path), then query parameters (parameterOrder order, then alphabetically).
 * Path variables with no declared parameter get a synthetic required string parameter so the form can fill them.
 */
export function buildMethodParameters(method: RawMethod): ParameterModel[] {
  const raw = method.parameters ?? {};
  const order = method.parameterOrder ?? [];
  const pathVars = pathTemplateVariables(method.path ?? "");
  const names = new Set([...Object.keys(raw), ...pathVars]);
  const all = [...names].map((name) =>
    buildParameter(
      name,
      (Object.hasOwn(raw, name) ? raw[name] : undefined) ?? { type: "string", location: "path" },
      {
        standard: false,
        inPath: pathVars.includes(name),
        inParameterOrder: order.includes(name),
      },
    ),
  );
  const rank = (p: ParameterModel): [number, number, string] => {
    const inOrder = order.indexOf(p.name);
    if (p.location === "path") {
      const inTemplate = pathVars.indexOf(p.name);
      return [
        0,
        inOrder >= 0 ? inOrder : order.length + (inTemplate >= 0 ? inTemplate : pathVars.length),
        p.name,
      ];
    }
    return [1, inOrder >= 0 ? inOrder : order.length, p.name];
  };
  return all.sort((a, b) => {
    const [ga, ia, na] = rank(a);
    const [gb, ib, nb] = rank(b);
    return ga - gb || ia - ib || byString(na, nb);
  });
}

/** API-wide parameters, all query and `standard: true`, sorted by name. */
export function buildStandardParameters(
  raw: Readonly<Record<string, RawParameter>> | undefined,
): ParameterModel[] {
  return Object.entries(raw ?? {})
    .map(([name, p]) => ({
      ...buildParameter(name, p, { standard: true, inPath: false, inParameterOrder: false }),
      location: "query" as const,
    }))
    .sort((a, b) => byString(a.name, b.name));
}
