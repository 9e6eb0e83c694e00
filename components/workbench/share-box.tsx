import { useState } from "react";

interface ShareBoxProps {
  /** Builds the absolute share URL for the current state. */
  readonly url: () => string;
  /** Called when a link is shared (the workbench records it in history). */
  readonly onShare: () => void;
  /** The body looks like it holds a password or secret: warn before it goes into a link. */
  readonly bodyLooksSensitive: boolean;
}

/** "Share": copies a link that restores the whole request (never a key or token). */
export function ShareBox({ url, onShare, bodyLooksSensitive }: ShareBoxProps) {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const share = async () => {
    const href = url();
    setLink(href);
    onShare();
    try {
      await navigator.clipboard.writeText(href);
      setStatus("Link copied.");
    } catch {
      setStatus("Copy the link below.");
    }
  };
  return (
    <div className="wb-share">
      <div className="actions">
        <button type="button" className="button" onClick={() => void share()}>
          Share
        </button>
        <span role="status" className="muted small">
          {status}
        </span>
      </div>
      {bodyLooksSensitive ? (
        <p className="wb-warning small">
          The request body seems to contain a password or secret. A share link includes the body as written.
        </p>
      ) : null}
      {link !== null ? (
        <>
          <label className="visually-hidden" htmlFor="share-link">
            Share link
          </label>
          <input
            id="share-link"
            className="rf-input rf-input--mono"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      ) : null}
    </div>
  );
}
