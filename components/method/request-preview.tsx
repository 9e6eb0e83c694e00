import type { HttpRequestSpec } from "@/lib/request/types";

/** `GET https://… HTTP/1.1`, headers, blank line, body — the raw text of an HttpRequestSpec. */
export function rawHttp(spec: HttpRequestSpec): string {
  const lines = [`${spec.method} ${spec.url} HTTP/1.1`];
  for (const [name, value] of Object.entries(spec.headers)) lines.push(`${name}: ${value}`);
  return spec.body === null ? lines.join("\n") : `${lines.join("\n")}\n\n${spec.body}`;
}

interface RequestPreviewProps {
  /** The request, or the reason it could not be built. */
  readonly request:
    { readonly ok: true; readonly spec: HttpRequestSpec } | { readonly ok: false; readonly message: string };
  readonly caption?: string;
}

export function RequestPreview({
  request,
  caption = "The HTTP request the default (empty) form sends",
}: RequestPreviewProps) {
  return (
    <figure className="request-preview">
      <figcaption>{caption}</figcaption>
      {request.ok ? (
        <pre className="code-block" data-testid="request-preview" tabIndex={0}>
          <code>{rawHttp(request.spec)}</code>
        </pre>
      ) : (
        <p className="muted" role="status" data-testid="request-preview-unavailable">
          No request: {request.message}
        </p>
      )}
    </figure>
  );
}
