import { HttpVerb } from "@/components/ui/http-verb";
import { RichText } from "@/components/ui/rich-text";
import type { MethodModel } from "@/lib/discovery/model-types";
import { formatBytes } from "@/lib/format/bytes";

interface MethodHeaderProps {
  readonly method: MethodModel;
  /** rootUrl + servicePath, shown before the path. */
  readonly baseUrl: string;
  readonly linkBase?: string | null;
  /** The description in full (linked when the page shows only its start). */
  readonly fullTextHref?: string;
}

export function MethodHeader({ method, baseUrl, linkBase, fullTextHref }: MethodHeaderProps) {
  return (
    <header className="page-header method-header">
      <h1>
        <code>{method.id}</code>
        {method.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
      </h1>
      <p className="endpoint">
        <HttpVerb verb={method.httpMethod} />
        <code className="endpoint__path">
          <span className="endpoint__base">{baseUrl}</span>
          {method.path}
        </code>
      </p>
      {method.flatPath !== undefined && method.flatPath !== method.path ? (
        <p className="endpoint endpoint--flat">
          <span className="endpoint__label">Flat path</span>
          <code className="endpoint__path">{method.flatPath}</code>
        </p>
      ) : null}
      <RichText
        text={method.description}
        linkBase={linkBase}
        className="page-header__description"
        fallback={<p className="muted">No description.</p>}
        {...(fullTextHref !== undefined ? { fullTextHref } : {})}
      />
      <ul className="feature-list" aria-label="Method features">
        {method.apiVersion ? (
          <li>
            API version header <code>x-goog-api-version: {method.apiVersion}</code>
          </li>
        ) : null}
        {method.mediaUpload ? (
          <li>
            Media upload
            {method.mediaUpload.accept.length > 0 ? <> ({method.mediaUpload.accept.join(", ")})</> : null}
            {method.mediaUpload.maxSizeBytes !== null ? (
              <>, up to {formatBytes(method.mediaUpload.maxSizeBytes)}</>
            ) : null}
          </li>
        ) : null}
        {method.supportsMediaDownload ? <li>Media download (alt=media)</li> : null}
        {method.pageable ? <li>Paged results (pageToken / nextPageToken)</li> : null}
      </ul>
    </header>
  );
}
