import { useState } from "react";

interface ShareBoxProps {
  /** Builds the absolute share URL for the current state, or null when the state fits in no link. */
  readonly url: () => string | null;
  /** Called when a link is shared (the workbench records it in history). */
  readonly onShare: () => void;
  /** The body looks like it holds a password or secret: warn before it goes into a link. */
  readonly bodyLooksSensitive: boolean;
  /** The state fits in no link (it is kept in this tab instead): offer the request as a JSON file. */
  readonly tooLong?: boolean;
  /** False when the tab could not keep the too-long state either (storage full or off): a reload loses it. */
  readonly tabSaved?: boolean;
  /** The request as canonical JSON (no secrets), for the download. */
  readonly requestJson?: () => string;
  readonly jsonFileName?: string;
}

/** The sentence the notice and the Share button's status both say. */
export const LINK_TOO_LONG = "The link would be too long — download the request as JSON.";

function saveText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Share": copies a link that restores the whole request (never a key or token). A request too long for any link
 * the server accepts is offered as a JSON file instead (the `explorer` CLI's `--request` format).
 */
export function ShareBox({
  url,
  onShare,
  bodyLooksSensitive,
  tooLong = false,
  tabSaved = true,
  requestJson,
  jsonFileName = "request.json",
}: ShareBoxProps) {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const share = async () => {
    const href = url();
    setLink(href);
    if (href === null) {
      setStatus(LINK_TOO_LONG);
      return;
    }
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
        {tooLong && requestJson !== undefined ? (
          <button type="button" className="button" onClick={() => saveText(requestJson(), jsonFileName)}>
            Download request (JSON)
          </button>
        ) : null}
        <span role="status" className="muted small">
          {status}
        </span>
      </div>
      {tooLong ? (
        <p className="wb-warning small" data-testid="link-too-long">
          {LINK_TOO_LONG}{" "}
          {tabSaved
            ? "This tab keeps the request across reloads; the address bar names it only for this tab."
            : "This browser would not keep it in the tab either, so a reload loses it."}
        </p>
      ) : null}
      {bodyLooksSensitive ? (
        <p className="wb-warning small">
          The request body seems to contain a password or secret. A share link includes the body as written.
        </p>
      ) : null}
      {link !== null && !tooLong ? (
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
