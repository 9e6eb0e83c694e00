import { sanitizeDescription } from "@/lib/html/sanitize";

interface RichTextProps {
  /** Raw description text from a Discovery document (HTML + markdown-ish). It is sanitised here, never trusted. */
  readonly text: string | null | undefined;
  /** Resolves relative links in the description (e.g. the API's documentationLink). */
  readonly linkBase?: string | null;
  readonly className?: string;
  /** Rendered when the description is empty. */
  readonly fallback?: React.ReactNode;
}

/**
 * Renders a Discovery description as HTML. The only `dangerouslySetInnerHTML` in the app: its input is always the
 * output of `sanitizeDescription` (lib/html/sanitize.ts), computed right here from the raw text.
 */
export function RichText({ text, linkBase, className, fallback = null }: RichTextProps) {
  const html = sanitizeDescription(text, linkBase ? { linkBase } : {});
  if (html === "") return <>{fallback}</>;
  return (
    <div
      className={className ? `rich-text ${className}` : "rich-text"}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
