import { sanitizeDescription } from "@/lib/html/sanitize";
import { MAX_DESCRIPTION_CHARS } from "@/lib/text/render-caps";

interface RichTextProps {
  /** Raw description text from a Discovery document (HTML + markdown-ish). It is sanitised here, never trusted. */
  readonly text: string | null | undefined;
  /** Resolves relative links in the description (e.g. the API's documentationLink). */
  readonly linkBase?: string | null;
  readonly className?: string;
  /** Rendered when the description is empty. */
  readonly fallback?: React.ReactNode;
  /** Where the whole text is, linked when the page shows only its first MAX_DESCRIPTION_CHARS. */
  readonly fullTextHref?: string;
}

/**
 * Renders a Discovery description as HTML. The only `dangerouslySetInnerHTML` in the app: its input is always the
 * output of `sanitizeDescription` (lib/html/sanitize.ts), computed right here from the raw text.
 */
export function RichText({ text, linkBase, className, fallback = null, fullTextHref }: RichTextProps) {
  const html = sanitizeDescription(text, linkBase ? { linkBase } : {});
  if (html === "") return <>{fallback}</>;
  const body = (
    <div
      className={className ? `rich-text ${className}` : "rich-text"}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  if (fullTextHref === undefined || (text ?? "").length <= MAX_DESCRIPTION_CHARS) return body;
  return (
    <>
      {body}
      <p className="truncated-note">
        <a href={fullTextHref}>Read the full text</a>
      </p>
    </>
  );
}
