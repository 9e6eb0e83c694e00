import { SourceNote } from "@/components/directory/source-note";
import { RichText } from "@/components/ui/rich-text";
import type { ApiModel } from "@/lib/discovery/model-types";
import { safeHref } from "@/lib/html/sanitize";
import { descriptionPath } from "@/lib/routes";
import type { SourceInfo } from "@/lib/discovery/load";

export function ApiHeader({ api, source }: { readonly api: ApiModel; readonly source: SourceInfo }) {
  const docs = safeHref(api.documentationLink ?? undefined);
  return (
    <header className="page-header">
      <h1>{api.title || api.name}</h1>
      <p className="page-header__id">
        <code>{api.id}</code>
      </p>
      <SourceNote source={source} revision={api.revision} />
      <RichText
        text={api.description}
        linkBase={docs}
        className="page-header__description"
        fullTextHref={descriptionPath(api.name, api.version)}
      />
      <dl className="facts">
        <div>
          <dt>Base URL</dt>
          <dd>
            <code>{api.baseUrl}</code>
          </dd>
        </div>
        {api.batchPath ? (
          <div>
            <dt>Batch path</dt>
            <dd>
              <code>{api.batchPath}</code>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Documentation</dt>
          <dd>
            {docs ? (
              <a href={docs} rel="noopener noreferrer nofollow" target="_blank">
                {docs}
              </a>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>Methods</dt>
          <dd>{api.methods.length}</dd>
        </div>
      </dl>
    </header>
  );
}
