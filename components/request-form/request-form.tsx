import { useState } from "react";

import { SelectionPicker } from "@/components/fields/selection-picker";
import type { ApiModel, MethodModel, ParameterModel } from "@/lib/discovery/model-types";
import { selectionTarget } from "@/lib/fields/param-issues";
import { valueText } from "@/lib/workbench/fields";
import { ownValue } from "@/lib/object/own";
import type { ExplorerRequest, JsonValue, MediaSpec, RequestAuth } from "@/lib/request/types";

import { BodyField } from "./body-field";
import { CredentialsFieldset } from "./credentials-fieldset";
import { MediaField } from "./media-field";
import { ParamField } from "./param-field";
import type { ParamDocs, ScopeOption } from "./types";

export interface RequestFormProps {
  /** When given, `fields` and field-mask parameters get a schema picker (it fetches the schema graph). */
  readonly api?: Pick<ApiModel, "name" | "version" | "revision">;
  readonly method: MethodModel;
  /** The API's standard parameters offered in the form (credential ones excluded). */
  readonly standardParams: readonly ParameterModel[];
  readonly request: ExplorerRequest;
  readonly docs: ParamDocs;
  readonly scopes: readonly ScopeOption[];
  readonly suggestedScopes: readonly string[];
  readonly bodyText: string;
  /** Where the body editor fetches the body's JSON Schema, or null. */
  readonly bodySchemaUrl: string | null;
  readonly bodySkeleton: JsonValue | null;
  /** Request-level issues (validateRequest) by parameter name: `body`, `media`, or a parameter. */
  readonly issuesByParam: ReadonlyMap<string, readonly string[]>;
  readonly touched: ReadonlySet<string>;
  readonly onParamText: (param: ParameterModel, text: string) => void;
  readonly onParamList: (param: ParameterModel, items: readonly string[]) => void;
  readonly onTouched: (name: string) => void;
  readonly onAuth: (auth: RequestAuth) => void;
  readonly onBodyText: (text: string) => void;
  readonly onMedia: (media: MediaSpec | null) => void;
}

/** The request form for one method: path, query and standard parameters, credentials, body and media. */
export function RequestForm(props: RequestFormProps) {
  const { method, request, docs, touched } = props;
  const path = method.parameters.filter((p) => p.location === "path");
  const query = method.parameters.filter((p) => p.location !== "path");
  const field = (p: ParameterModel) => {
    const input = (
      <ParamField
        key={p.name}
        param={p}
        value={ownValue(request.params, p.name)}
        doc={docs.get(p.name)}
        showRequired={touched.has(p.name)}
        onText={props.onParamText}
        onList={props.onParamList}
        onTouched={props.onTouched}
      />
    );
    const target = props.api !== undefined ? selectionTarget(method, p) : null;
    if (target === null || props.api === undefined) return input;
    return (
      <div key={p.name} className="rf-selection">
        {input}
        <SelectionPicker
          api={props.api}
          method={method}
          param={p}
          target={target}
          value={valueText(ownValue(request.params, p.name))}
          body={request.body}
          onChange={props.onParamText}
        />
      </div>
    );
  };
  const standardSet = props.standardParams.filter(
    (p) => ownValue(request.params, p.name) !== undefined,
  ).length;
  // Open at first when a standard parameter has a value (e.g. from a link); after that, the user decides.
  const [moreOpen, setMoreOpen] = useState(standardSet > 0);

  return (
    <form
      className="request-form"
      aria-label={`Request for ${method.id}`}
      onSubmit={(e) => e.preventDefault()}
    >
      {path.length > 0 ? (
        <fieldset className="rf-section">
          <legend>Path parameters</legend>
          {path.map(field)}
        </fieldset>
      ) : null}
      {query.length > 0 ? (
        <fieldset className="rf-section">
          <legend>Query parameters</legend>
          {query.map(field)}
        </fieldset>
      ) : null}
      {path.length === 0 && query.length === 0 ? (
        <p className="muted small">This method takes no parameters of its own.</p>
      ) : null}
      {props.standardParams.length > 0 ? (
        <details
          className="rf-section rf-more"
          open={moreOpen}
          onToggle={(e) => setMoreOpen(e.currentTarget.open)}
        >
          <summary>More (standard parameters){standardSet > 0 ? ` · ${standardSet} set` : ""}</summary>
          {props.standardParams.map(field)}
        </details>
      ) : null}
      <CredentialsFieldset
        auth={request.auth}
        scopes={props.scopes}
        suggested={props.suggestedScopes}
        onChange={props.onAuth}
      />
      {method.requestSchema !== null ? (
        <BodyField
          schemaName={method.requestSchema}
          text={props.bodyText}
          jsonSchemaUrl={props.bodySchemaUrl}
          skeleton={props.bodySkeleton}
          issues={props.issuesByParam.get("body") ?? []}
          onChange={props.onBodyText}
        />
      ) : null}
      {method.supportsMediaUpload ? (
        <MediaField
          media={request.media}
          upload={method.mediaUpload}
          issues={props.issuesByParam.get("media") ?? []}
          onChange={props.onMedia}
        />
      ) : null}
    </form>
  );
}
