/**
 * Schema resolution over ApiModel.schemas: `$ref` lookup, a display tree and a JSON Schema export.
 *
 * Discovery schemas are routinely cyclic (Animal.parent → Animal, Keeper → Animal → Keeper), so nothing here
 * expands a `$ref` that is already being expanded on the current branch: the tree marks it `cycle`, and the JSON
 * Schema refers to `#/definitions/Name` instead of inlining.
 */
import { setOwn } from "../object/own";
import type { ApiModel, EnumValueModel } from "./model-types";
import type { RawSchema } from "./types";

/** The schema named `name`, or undefined. Own-property lookup so names like `constructor` can't hit the prototype. */
export function resolveRef(api: Pick<ApiModel, "schemas">, name: string): RawSchema | undefined {
  return Object.hasOwn(api.schemas, name) ? api.schemas[name] : undefined;
}

export interface SchemaTreeNode {
  /** The schema name when this node came from a `$ref`. */
  readonly name?: string;
  /** `object`, `array`, `string`, … (`any` when the document gives none). */
  readonly type: string;
  readonly format?: string;
  readonly description: string;
  readonly readOnly: boolean;
  readonly deprecated: boolean;
  /** True when `annotations.required` lists the method id given in the options. */
  readonly required: boolean;
  readonly enum?: readonly EnumValueModel[];
  /** Properties in document order. */
  readonly properties?: readonly { readonly key: string; readonly node: SchemaTreeNode }[];
  readonly items?: SchemaTreeNode;
  readonly additionalProperties?: SchemaTreeNode;
  /** Set instead of expanding when the `$ref` (this name) is already being expanded higher up the branch. */
  readonly cycle?: string;
  /** Set when `maxDepth` stopped the expansion of an object/array below this node. */
  readonly truncated?: boolean;
  /** Set when the `$ref` names no schema (a document that skipped validation). */
  readonly missingRef?: string;
}

export interface SchemaTreeOptions {
  /** Levels of nesting to expand below the root (default 8). */
  readonly maxDepth?: number;
  /** Marks properties whose `annotations.required` contains this method id. */
  readonly methodId?: string;
}

function enumOf(s: RawSchema): EnumValueModel[] | undefined {
  return s.enum?.map((value, i) => ({
    value,
    description: s.enumDescriptions?.[i] ?? "",
    deprecated: s.enumDeprecated?.[i] ?? false,
  }));
}

/**
 * A plain, serialisable tree of `schemaName` for display. Returns undefined when the schema does not exist.
 * The root counts as depth 0; children deeper than `maxDepth` are not built and their parent is `truncated`.
 */
export function schemaTree(
  api: Pick<ApiModel, "schemas">,
  schemaName: string,
  opts: SchemaTreeOptions = {},
): SchemaTreeNode | undefined {
  const root = resolveRef(api, schemaName);
  if (!root) return undefined;
  const maxDepth = opts.maxDepth ?? 8;
  const isRequired = (s: RawSchema) =>
    opts.methodId !== undefined && (s.annotations?.required?.includes(opts.methodId) ?? false);

  const build = (
    raw: RawSchema,
    depth: number,
    stack: readonly string[],
    refName?: string,
  ): SchemaTreeNode => {
    let s = raw;
    let name = refName;
    let path = stack;
    // Follow `$ref`, merging the referring schema's own description (properties often describe their use).
    const seen = new Set<string>();
    while (s.$ref !== undefined) {
      const ref = s.$ref;
      const base = {
        description: raw.description ?? "",
        readOnly: raw.readOnly === true,
        deprecated: raw.deprecated === true,
        required: isRequired(raw),
      };
      if (path.includes(ref) || seen.has(ref))
        return { name: ref, type: resolveRef(api, ref)?.type ?? "object", ...base, cycle: ref };
      const target = resolveRef(api, ref);
      if (!target) return { name: ref, type: "any", ...base, missingRef: ref };
      seen.add(ref);
      path = [...path, ref];
      name = ref;
      s = target;
    }
    const node: { -readonly [K in keyof SchemaTreeNode]: SchemaTreeNode[K] } = {
      type: s.type ?? "any",
      description: raw.description ?? s.description ?? "",
      readOnly: raw.readOnly === true || s.readOnly === true,
      deprecated: raw.deprecated === true || s.deprecated === true,
      required: isRequired(raw),
    };
    if (name !== undefined) node.name = name;
    if (s.format !== undefined) node.format = s.format;
    const values = enumOf(s);
    if (values) node.enum = values;
    const hasChildren =
      s.properties !== undefined || s.items !== undefined || s.additionalProperties !== undefined;
    if (hasChildren && depth >= maxDepth) {
      node.truncated = true;
      return node;
    }
    if (s.properties)
      node.properties = Object.entries(s.properties).map(([key, p]) => ({
        key,
        node: build(p, depth + 1, path),
      }));
    if (s.items) node.items = build(s.items, depth + 1, path);
    if (s.additionalProperties) node.additionalProperties = build(s.additionalProperties, depth + 1, path);
    return node;
  };

  return build(root, 0, [schemaName], schemaName);
}

/** JSON Schema (draft-07) node; a loose record because JSON Schema itself is. */
export type JsonSchema = { [key: string]: unknown };

const definitionRef = (name: string) => `#/definitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;

/**
 * A draft-07 JSON Schema for `schemaName`, for the body editor (Monaco): every reachable named schema goes into
 * `definitions` once and is referenced with `$ref`, so cycles need no special care. `required` comes from
 * `annotations.required` for `methodId` (Discovery has no unconditional `required` on properties).
 * Returns undefined when the schema does not exist.
 */
export function toJsonSchema(
  api: Pick<ApiModel, "schemas">,
  schemaName: string,
  methodId?: string,
): JsonSchema | undefined {
  if (!resolveRef(api, schemaName)) return undefined;
  const definitions: Record<string, JsonSchema> = {};
  const pending = [schemaName];
  const queued = new Set(pending);
  const ref = (name: string) => {
    if (!queued.has(name) && resolveRef(api, name)) {
      queued.add(name);
      pending.push(name);
    }
    return { $ref: definitionRef(name) };
  };

  const convert = (s: RawSchema): JsonSchema => {
    const out: JsonSchema = {};
    if (s.$ref !== undefined) {
      const target = ref(s.$ref);
      // Draft-07 ignores siblings of `$ref`; wrap in allOf to keep a property's own description/readOnly.
      const extras = annotations(s);
      return Object.keys(extras).length === 0 ? target : { ...extras, allOf: [target] };
    }
    Object.assign(out, annotations(s));
    // "any" (and no type at all) means any JSON value: omit `type`.
    if (s.type !== undefined && s.type !== "any") out.type = s.type;
    if (s.format !== undefined) out.format = s.format;
    if (s.enum) out.enum = [...s.enum];
    // Monaco's JSON language service shows `enumDescriptions` (a VS Code extension keyword) in completions.
    if (s.enumDescriptions) out.enumDescriptions = [...s.enumDescriptions];
    if (s.pattern !== undefined) out.pattern = s.pattern;
    if (s.default !== undefined) out.default = s.default;
    if (s.properties) {
      const props: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [key, p] of Object.entries(s.properties)) {
        // defineProperty, not `props[key] =`: a property named `__proto__` would replace the prototype.
        setOwn(props, key, convert(p));
        if (methodId !== undefined && p.annotations?.required?.includes(methodId)) required.push(key);
      }
      out.properties = props;
      if (required.length > 0) out.required = required;
    }
    if (s.items) out.items = convert(s.items);
    if (s.additionalProperties) out.additionalProperties = convert(s.additionalProperties);
    return out;
  };

  while (pending.length > 0) {
    const name = pending.shift()!;
    setOwn(definitions, name, convert(resolveRef(api, name)!));
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", $ref: definitionRef(schemaName), definitions };
}

function annotations(s: RawSchema): JsonSchema {
  const out: JsonSchema = {};
  if (s.description !== undefined) out.description = s.description;
  if (s.readOnly) out.readOnly = true;
  if (s.deprecated) out.deprecated = true;
  return out;
}
