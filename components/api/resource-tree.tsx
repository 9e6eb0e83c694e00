import Link from "next/link";

import { HttpVerb } from "@/components/ui/http-verb";
import { LinkPendingHint } from "@/components/ui/link-pending-hint";
import type { ApiModel, MethodModel, ResourceNode } from "@/lib/discovery/model-types";
import { methodPath } from "@/lib/routes";

function MethodRows({
  api,
  ids,
  byId,
}: {
  api: ApiModel;
  ids: readonly string[];
  byId: ReadonlyMap<string, MethodModel>;
}) {
  const methods = ids.flatMap((id) => {
    const m = byId.get(id);
    return m ? [m] : [];
  });
  if (methods.length === 0) return null;
  return (
    <ul className="method-list">
      {methods.map((m) => (
        <li key={m.id} className="method-row" data-filter={`${m.id} ${m.httpMethod} ${m.flatPath ?? m.path}`}>
          <HttpVerb verb={m.httpMethod} />
          <Link href={methodPath(api.name, api.version, m.id)} className="method-row__name">
            {m.name}
            <LinkPendingHint />
          </Link>
          <code className="method-row__path">{m.flatPath ?? m.path}</code>
          {m.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
        </li>
      ))}
    </ul>
  );
}

function countMethods(node: ResourceNode): number {
  return node.methodIds.length + node.resources.reduce((n, r) => n + countMethods(r), 0);
}

function ResourceBranch(props: {
  api: ApiModel;
  node: ResourceNode;
  byId: ReadonlyMap<string, MethodModel>;
  open: boolean;
}) {
  const { api, node, byId, open } = props;
  return (
    <li data-filter-group="">
      <details open={open} className="resource">
        <summary>
          <span className="resource__name">{node.name}</span>
          <span className="resource__count">{countMethods(node)}</span>
          {node.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
        </summary>
        <MethodRows api={api} ids={node.methodIds} byId={byId} />
        {node.resources.length > 0 ? (
          <ul className="resource-tree">
            {node.resources.map((r) => (
              <ResourceBranch key={r.name} api={api} node={r} byId={byId} open={open} />
            ))}
          </ul>
        ) : null}
      </details>
    </li>
  );
}

/**
 * Resources as nested <details>, each listing its methods (verb, name, path) linked to the method page. Small APIs
 * start expanded; large ones (compute has ~900 methods) start collapsed.
 */
export function ResourceTree({ id, api }: { readonly id: string; readonly api: ApiModel }) {
  const byId = new Map(api.methods.map((m) => [m.id, m] as const));
  const open = api.methods.length <= 150;
  return (
    <div id={id} className="resource-tree-root">
      <MethodRows api={api} ids={api.rootMethodIds} byId={byId} />
      <ul className="resource-tree">
        {api.resources.map((r) => (
          <ResourceBranch key={r.name} api={api} node={r} byId={byId} open={open} />
        ))}
      </ul>
    </div>
  );
}
