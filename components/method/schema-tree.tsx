import type { SchemaTreeNode } from "@/lib/discovery/schema";
import { plainText } from "@/lib/html/sanitize";

function typeLabel(node: SchemaTreeNode): string {
  if (node.type === "array" && node.items) return `${typeLabel(node.items)}[]`;
  if (node.additionalProperties) return `map<string, ${typeLabel(node.additionalProperties)}>`;
  const base = node.name ?? node.type;
  return node.format ? `${base} (${node.format})` : base;
}

function children(node: SchemaTreeNode): SchemaTreeNode | undefined {
  if (node.properties) return node;
  if (node.items) return children(node.items);
  if (node.additionalProperties) return children(node.additionalProperties);
  return undefined;
}

function Properties({ node }: { readonly node: SchemaTreeNode }) {
  return (
    <ul className="schema-tree">
      {(node.properties ?? []).map(({ key, node: child }) => {
        const inner = children(child);
        const leaf = (
          <>
            <code className="schema-tree__key">{key}</code>{" "}
            <span className="schema-tree__type">{typeLabel(child)}</span>
            {child.required ? <span className="badge badge--required">required</span> : null}
            {child.readOnly ? <span className="badge">output only</span> : null}
            {child.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
            {child.cycle ? (
              <span className="badge" title="Recursive reference">
                ↻ {child.cycle}
              </span>
            ) : null}
            {child.missingRef ? (
              <span className="badge badge--deprecated">missing schema {child.missingRef}</span>
            ) : null}
            {child.description ? (
              <span className="schema-tree__description">{plainText(child.description, 160)}</span>
            ) : null}
          </>
        );
        return (
          <li key={key}>
            {inner && inner.properties && inner.properties.length > 0 ? (
              <details>
                <summary>{leaf}</summary>
                <Properties node={inner} />
              </details>
            ) : (
              <div className="schema-tree__leaf">
                {leaf}
                {child.truncated || (child.items?.truncated ?? false) ? (
                  <span className="muted"> …</span>
                ) : null}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A compact, depth-limited view of a request/response body schema. */
export function SchemaTree({ tree }: { readonly tree: SchemaTreeNode }) {
  if (!tree.properties || tree.properties.length === 0)
    return <p className="muted">{typeLabel(tree)} (no properties)</p>;
  return (
    <div className="schema-tree-root">
      <Properties node={tree} />
    </div>
  );
}
