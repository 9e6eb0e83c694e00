"use client";
/** "This changes data — run it?" as an in-page modal <dialog> (never window.confirm), naming the method. */
import { useEffect, useRef } from "react";

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly httpMethod: string;
  readonly methodId: string;
  readonly url: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({ open, httpMethod, methodId, url, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="ti-dialog"
      aria-labelledby="ti-confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id="ti-confirm-title">
        Run {httpMethod} {methodId}?
      </h3>
      <p>
        <code>{httpMethod}</code> requests can change data in your account. This sends the request shown under
        “HTTP request” to <code className="ti-url">{url}</code>.
      </p>
      <div className="ti-row">
        <button type="button" className="button" onClick={onConfirm} autoFocus>
          Run {httpMethod}
        </button>
        <button type="button" className="rf-small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
