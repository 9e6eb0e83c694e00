"use client";
/**
 * Secret inputs are uncontrolled (defaultValue): React writes a controlled input's value into the `value`
 * ATTRIBUTE too, which would put the secret into the page's HTML.
 *
 * The credentials a run uses, matching the form's Credentials choice: Google sign-in (who, which scopes, expiry,
 * grant more, sign out) or a pasted access token for OAuth; an API key field for API-key requests.
 */
import { useId, useState } from "react";

import { scopeLabel } from "@/lib/auth/scopes";
import { accessTokenSource } from "@/lib/auth/token-sources";
import type { RequestAuth } from "@/lib/request/types";

import { useCredentials } from "./credentials-provider";

interface CredentialInputsProps {
  readonly auth: RequestAuth;
  readonly now: number;
  /** The method's scopes: whether a gcloud token would work (lib/auth/token-sources.ts). */
  readonly methodScopes?: readonly string[];
}

/** Uncontrolled: its value never becomes an HTML attribute (see the module comment). */
function SecretInput(props: {
  readonly id: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly show: boolean;
  readonly placeholder: string;
}) {
  // Read once at mount; a changing defaultValue would be written to the attribute as well.
  const [initialValue] = useState(props.value);
  return (
    <input
      id={props.id}
      className="rf-input rf-input--mono"
      type={props.show ? "text" : "password"}
      autoComplete="off"
      spellCheck={false}
      placeholder={props.placeholder}
      defaultValue={initialValue}
      onChange={(e) => props.onChange(e.target.value.trim())}
    />
  );
}

function minutesLeft(expiresAt: number, now: number): string {
  const m = Math.round((expiresAt - now) / 60_000);
  return m <= 0 ? "expired" : m === 1 ? "1 minute left" : `${m} minutes left`;
}

export function CredentialInputs({ auth, now, methodScopes = [] }: CredentialInputsProps) {
  const c = useCredentials();
  const id = useId();
  const [showSecret, setShowSecret] = useState(false);
  if (auth.type === "none") return <p className="ti-hint">This request is sent without credentials.</p>;

  if (auth.type === "apiKey") {
    return (
      <div className="ti-creds">
        <label className="rf-label" htmlFor={`${id}-key`}>
          API key
        </label>
        <div className="ti-row">
          <SecretInput
            id={`${id}-key`}
            key={c.restoredKey ? "restored" : "typed"}
            value={c.apiKey}
            onChange={c.setApiKey}
            show={showSecret}
            placeholder="AIza…"
          />
          <button type="button" className="rf-small-button" onClick={() => setShowSecret((s) => !s)}>
            {showSecret ? "Hide" : "Show"}
          </button>
        </div>
        <label className="ti-check">
          <input
            type="checkbox"
            checked={c.rememberKey}
            onChange={(e) => c.setRememberKey(e.target.checked)}
          />{" "}
          Keep the key in this tab (sessionStorage) until it closes
        </label>
        <p className="ti-hint">Sent in the x-goog-api-key header. Never put in links, history or code.</p>
      </div>
    );
  }

  const wanted = auth.scopes;
  const s = c.session;
  const expired = s !== null && s.expiresAt <= now;
  const missing = s === null ? wanted : wanted.filter((w) => !s.scopes.includes(w));
  const usingPasted = c.pastedToken.trim() !== "";
  return (
    <div className="ti-creds">
      {s !== null ? (
        <div className="ti-signed-in" data-testid="signed-in">
          <p>
            Signed in
            {s.email !== null ? (
              <>
                {" "}
                as <strong>{s.email}</strong>
              </>
            ) : null}{" "}
            · {minutesLeft(s.expiresAt, now)}
          </p>
          <p className="ti-hint">
            Granted:{" "}
            {s.scopes
              .filter((x) => x.startsWith("https://"))
              .map(scopeLabel)
              .join(", ") || "no API scopes"}
          </p>
          <div className="ti-row">
            {missing.length > 0 || expired ? (
              <button
                type="button"
                className="button"
                disabled={c.signingIn}
                onClick={() => void c.signIn(expired ? wanted : missing)}
              >
                {expired ? "Sign in again" : `Grant ${missing.map(scopeLabel).join(", ")}`}
              </button>
            ) : null}
            <button type="button" className="rf-small-button" onClick={() => void c.signOut()}>
              Sign out
            </button>
          </div>
        </div>
      ) : c.availability.available ? (
        <div className="ti-row">
          <button
            type="button"
            className="button"
            disabled={c.signingIn || wanted.length === 0}
            onClick={() => void c.signIn(wanted)}
          >
            {c.signingIn ? "Waiting for Google…" : "Sign in with Google"}
          </button>
          <span className="ti-hint">
            for {wanted.map(scopeLabel).join(", ") || "the scopes you pick above"}
          </span>
        </div>
      ) : (
        <p className="ti-hint" data-testid="sign-in-unavailable">
          {c.availability.message}
        </p>
      )}
      <details className="ti-paste" open={usingPasted || undefined}>
        <summary>Paste an access token instead</summary>
        <label className="rf-label" htmlFor={`${id}-token`}>
          Access token
        </label>
        <div className="ti-row">
          <SecretInput
            id={`${id}-token`}
            value={c.pastedToken}
            onChange={c.setPastedToken}
            show={showSecret}
            placeholder="ya29.…"
          />
          <button type="button" className="rf-small-button" onClick={() => setShowSecret((x) => !x)}>
            {showSecret ? "Hide" : "Show"}
          </button>
        </div>
        <p className="ti-hint">
          <span data-testid="token-source">{accessTokenSource(methodScopes).text}</span>{" "}
          {usingPasted ? "The pasted token is used for runs." : ""} Kept in memory only.
        </p>
      </details>
    </div>
  );
}
