import { RichText } from "@/components/ui/rich-text";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { EnumValueModel, ParameterModel } from "@/lib/discovery/model-types";
import { plainText } from "@/lib/html/sanitize";
import { capList, truncatedNote } from "@/lib/text/render-caps";

/** More enum values than this are folded into a <details>. */
const ENUM_INLINE_LIMIT = 8;

function EnumValues({ values }: { readonly values: readonly EnumValueModel[] }) {
  const shown = capList(values);
  const list = (
    <dl className="enum-list">
      {shown.items.map((v) => (
        <div
          key={v.value}
          className={v.deprecated ? "enum-list__item enum-list__item--deprecated" : "enum-list__item"}
        >
          <dt>
            <code>{v.value}</code>
            {v.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
          </dt>
          {v.description ? <dd>{plainText(v.description)}</dd> : null}
        </div>
      ))}
      {shown.omitted > 0 ? (
        <div className="enum-list__item truncated-note">{truncatedNote(shown.omitted, "more values")}</div>
      ) : null}
    </dl>
  );
  if (values.length <= ENUM_INLINE_LIMIT) {
    return (
      <div className="param-detail">
        <span className="param-detail__label">Allowed values</span>
        {list}
      </div>
    );
  }
  return (
    <details className="param-detail">
      <summary>{values.length} allowed values</summary>
      {list}
    </details>
  );
}

interface RowLinks {
  readonly linkBase?: string | null;
  /** Where one parameter's description is in full (the table renders at most MAX_DESCRIPTION_CHARS of it). */
  readonly fullTextHref?: (param: string) => string;
}

function ParameterRow({ p, linkBase, fullTextHref }: { readonly p: ParameterModel } & RowLinks) {
  const constraints: [string, string][] = [];
  if (p.pattern !== undefined) constraints.push(["Pattern", p.pattern]);
  if (p.minimum !== undefined) constraints.push(["Minimum", String(p.minimum)]);
  if (p.maximum !== undefined) constraints.push(["Maximum", String(p.maximum)]);
  if (p.default !== undefined) constraints.push(["Default", p.default]);
  return (
    <tr id={`param-${p.name}`} className={p.deprecated ? "param param--deprecated" : "param"}>
      <th scope="row" className="param__name">
        <code>{p.name}</code>
        <span className="param__badges">
          {p.required ? <span className="badge badge--required">required</span> : null}
          {p.repeated ? <span className="badge badge--repeated">repeated</span> : null}
          {p.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
        </span>
      </th>
      <td className="param__type">
        <code>{p.type}</code>
        {p.format ? <span className="param__format">{p.format}</span> : null}
        <span className="param__location">in {p.location}</span>
      </td>
      <td className="param__description">
        <RichText text={p.description} linkBase={linkBase} fullTextHref={fullTextHref?.(p.name)} />
        {constraints.length > 0 ? (
          <dl className="constraints">
            {constraints.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>
                  <code>{v}</code>
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
        {p.enum !== undefined && p.enum.length > 0 ? <EnumValues values={p.enum} /> : null}
      </td>
    </tr>
  );
}

function Table({
  caption,
  params,
  ...links
}: {
  caption: string;
  params: readonly ParameterModel[];
} & RowLinks) {
  return (
    <ScrollRegion className="table-scroll" label={caption}>
      <table className="param-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {params.map((p) => (
            <ParameterRow key={`${p.location}-${p.name}`} p={p} {...links} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

interface ParameterTableProps extends RowLinks {
  /** The method's own parameters (path first, then query), as ordered by the model. */
  readonly parameters: readonly ParameterModel[];
  /** API-wide standard parameters, shown collapsed. */
  readonly standard: readonly ParameterModel[];
}

/** Path parameters, then query parameters, then the standard parameters collapsed. */
export function ParameterTable({ parameters, standard, ...links }: ParameterTableProps) {
  const path = parameters.filter((p) => p.location === "path");
  const query = parameters.filter((p) => p.location === "query");
  return (
    <div className="parameters">
      {path.length > 0 ? <Table caption="Path parameters" params={path} {...links} /> : null}
      {query.length > 0 ? <Table caption="Query parameters" params={query} {...links} /> : null}
      {path.length === 0 && query.length === 0 ? (
        <p className="muted">This method takes no parameters of its own.</p>
      ) : null}
      {standard.length > 0 ? (
        <details className="standard-params">
          <summary>Standard parameters ({standard.length})</summary>
          <Table
            caption="Standard parameters (accepted by every method of this API)"
            params={standard}
            {...links}
          />
        </details>
      ) : null}
    </div>
  );
}
