import { useId, useState } from "react";

import type { MediaUploadModel } from "@/lib/discovery/model-types";
import type { MediaSpec } from "@/lib/request/types";
import { formatBytes } from "@/lib/format/bytes";

interface MediaFieldProps {
  readonly media: MediaSpec | undefined;
  readonly upload: MediaUploadModel | null;
  readonly issues: readonly string[];
  readonly onChange: (media: MediaSpec | null) => void;
}

/** Media upload: the name of a local file the generated code uploads (never the file itself). */
export function MediaField({ media, upload, issues, onChange }: MediaFieldProps) {
  const id = useId();
  // A MIME type typed before any file name is kept here until a file name makes it part of the request.
  const [pendingMime, setPendingMime] = useState(media?.mimeType ?? "");
  const fileName = media?.fileName ?? "";
  const mimeType = media ? (media.mimeType ?? "") : pendingMime;
  const update = (name: string, mime: string) => {
    setPendingMime(mime);
    onChange(name === "" ? null : mime === "" ? { fileName: name } : { fileName: name, mimeType: mime });
  };
  const accept = upload?.accept.join(", ");
  return (
    <fieldset className="rf-section rf-media">
      <legend>Upload a file</legend>
      <p className="rf-hint" id={`${id}-hint`}>
        The generated code uploads this local file.
        {accept ? ` Accepts ${accept}.` : ""}
        {upload?.maxSizeBytes != null ? ` Up to ${formatBytes(upload.maxSizeBytes)}.` : ""}
      </p>
      <div className="rf-field">
        <label className="rf-label" htmlFor={`${id}-file`}>
          File name
        </label>
        <input
          id={`${id}-file`}
          className="rf-input"
          type="text"
          spellCheck={false}
          placeholder="photo.jpg"
          aria-describedby={`${id}-hint`}
          value={fileName}
          onChange={(e) => update(e.target.value, mimeType)}
        />
      </div>
      <div className="rf-field">
        <label className="rf-label" htmlFor={`${id}-mime`}>
          MIME type
        </label>
        <input
          id={`${id}-mime`}
          className="rf-input"
          type="text"
          spellCheck={false}
          placeholder={upload?.accept[0] && upload.accept[0] !== "*/*" ? upload.accept[0] : "image/jpeg"}
          value={mimeType}
          onChange={(e) => update(fileName, e.target.value)}
        />
      </div>
      <div className="rf-error" aria-live="polite">
        {issues.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </fieldset>
  );
}
