/**
 * Server component: prepares the workbench's small, plain props from the full API model (which never reaches the
 * browser) and the page's search params. Descriptions are sanitised and rendered here, so the client bundle does
 * not carry the sanitiser.
 */
import { RichText } from "@/components/ui/rich-text";
import { suggestScopes } from "@/lib/auth/scopes";
import { bodySkeleton } from "@/lib/codegen/skeleton";
import { sliceApiForMethod } from "@/lib/discovery/slice";
import type { ApiModel, MethodModel } from "@/lib/discovery/model-types";
import { plainText } from "@/lib/html/sanitize";
import { defaultRequest } from "@/lib/request/canonical";
import { bodySchemaPath } from "@/lib/routes";
import { formStandardParams } from "@/lib/workbench/fields";
import { decodeUrlState, type SearchLike } from "@/lib/workbench/url-state";

import type { ParamDoc } from "@/components/request-form/types";
import { RequestWorkbench } from "./request-workbench";

/** Enum value descriptions in a <select> are one line; longer ones are cut. */
const ENUM_LABEL_MAX = 90;

interface MethodWorkbenchProps {
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly search: SearchLike;
  readonly linkBase: string | null;
}

export function MethodWorkbench({ api, method, search, linkBase }: MethodWorkbenchProps) {
  const decoded = decodeUrlState(search, { api: api.name, version: api.version, method });
  const docs = new Map<string, ParamDoc>();
  for (const p of [...method.parameters, ...formStandardParams(api.standardParameters, method.parameters)]) {
    const enumLabels = p.enum?.map((e) => plainText(e.description, ENUM_LABEL_MAX));
    docs.set(p.name, {
      ...(p.description.trim() !== ""
        ? { description: <RichText text={p.description} linkBase={linkBase} /> }
        : {}),
      ...(enumLabels?.some((l) => l !== "") ? { enumLabels } : {}),
    });
  }
  const schemaName = method.requestSchema;
  // The body's JSON Schema is fetched by the body editor when it starts (lib/discovery/body-schema.ts).
  const schemaUrl =
    schemaName !== null ? bodySchemaPath(api.name, api.version, method.id, api.revision) : null;
  const skeleton = schemaName !== null ? bodySkeleton(api, schemaName, method.id) : null;
  const linkRevision = decoded.request?.revision;
  const revisionNote =
    linkRevision !== undefined && api.revision !== null && linkRevision !== api.revision
      ? `This link was written against revision ${linkRevision} of the document; it is now at revision ${api.revision}.`
      : undefined;
  const scopeDescriptions = new Map(api.scopes.map((s) => [s.url, s.description] as const));
  const scopes = method.scopes.map((url) => ({ url, description: scopeDescriptions.get(url) ?? "" }));
  return (
    <RequestWorkbench
      api={sliceApiForMethod(api, method)}
      method={method}
      docs={docs}
      scopes={scopes}
      suggestedScopes={suggestScopes(method)}
      bodySchemaUrl={schemaUrl}
      bodySkeletonJson={skeleton === null ? null : JSON.stringify(skeleton)}
      initialRequestJson={JSON.stringify(decoded.request ?? defaultRequest(api, method))}
      initialLanguage={decoded.language}
      {...(decoded.request !== undefined && decoded.bodyText !== undefined
        ? { initialBodyText: decoded.bodyText }
        : {})}
      initialOptions={decoded.options}
      {...(decoded.error !== undefined ? { linkError: decoded.error } : {})}
      {...(revisionNote !== undefined ? { revisionNote } : {})}
      {...(decoded.downloadToDropped ? { downloadToDropped: true } : {})}
      {...(decoded.mediaDropped ? { mediaDropped: true } : {})}
      {...(decoded.tabState !== undefined ? { tabStateId: decoded.tabState } : {})}
    />
  );
}
