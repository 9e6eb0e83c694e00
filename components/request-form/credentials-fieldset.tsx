import { useRef } from "react";

import { scopeLabel } from "@/lib/auth/scopes";
import { oauthAuth } from "@/lib/request/auth-kinds";
import type { OAuthFlow, RequestAuth } from "@/lib/request/types";

import type { ScopeOption } from "./types";

interface CredentialsFieldsetProps {
  readonly auth: RequestAuth;
  /** The method's scopes (any one authorises the call). */
  readonly scopes: readonly ScopeOption[];
  readonly suggested: readonly string[];
  readonly onChange: (auth: RequestAuth) => void;
}

/**
 * The kind of credential the generated code uses: OAuth (with scopes), an API key, or none. Never holds a token
 * or key; those are entered when a request is executed, and never reach a URL, history or a snippet.
 */
export function CredentialsFieldset({ auth, scopes, suggested, onChange }: CredentialsFieldsetProps) {
  // Scopes picked before switching to another auth type come back when switching back.
  const lastScopes = useRef<readonly string[]>(auth.type === "oauth" ? auth.scopes : suggested);
  const lastFlow = useRef<OAuthFlow>(auth.type === "oauth" ? (auth.flow ?? "loopback") : "loopback");
  const switchTo = (next: RequestAuth) => {
    if (auth.type === "oauth") {
      lastScopes.current = auth.scopes;
      lastFlow.current = auth.flow ?? "loopback";
    }
    onChange(next);
  };
  const oauthPossible = scopes.length > 0 || auth.type === "oauth";
  const selected = auth.type === "oauth" ? new Set(auth.scopes) : new Set<string>();

  const toggle = (url: string, on: boolean) => {
    if (auth.type !== "oauth") return;
    // Keep the method's order, so the request (and the link) does not depend on click order.
    const next = scopes.map((s) => s.url).filter((u) => (u === url ? on : selected.has(u)));
    const extra = auth.scopes.filter((u) => !scopes.some((s) => s.url === u) && u !== url);
    onChange(oauthAuth([...next, ...extra], auth.flow));
  };

  return (
    <fieldset className="rf-section rf-credentials">
      <legend>Credentials</legend>
      <div className="rf-radios" role="radiogroup" aria-label="Credential type">
        {oauthPossible ? (
          <label>
            <input
              type="radio"
              name="auth-type"
              value="oauth"
              checked={auth.type === "oauth"}
              onChange={() => switchTo(oauthAuth([...lastScopes.current], lastFlow.current))}
            />{" "}
            OAuth 2.0
          </label>
        ) : null}
        <label>
          <input
            type="radio"
            name="auth-type"
            value="apiKey"
            checked={auth.type === "apiKey"}
            onChange={() => switchTo({ type: "apiKey" })}
          />{" "}
          API key
        </label>
        <label>
          <input
            type="radio"
            name="auth-type"
            value="none"
            checked={auth.type === "none"}
            onChange={() => switchTo({ type: "none" })}
          />{" "}
          None
        </label>
      </div>
      <p className="rf-hint">
        {scopes.length > 0
          ? "This method declares OAuth scopes: user data needs OAuth. An API key only works for public data."
          : "This method declares no OAuth scopes: use an API key, or none for fully public endpoints."}{" "}
        Keys and tokens are never put in links, history or code.
      </p>
      {auth.type === "oauth" ? (
        <fieldset className="rf-sign-in">
          <legend>Sign-in in the generated code</legend>
          <div className="rf-radios" role="radiogroup" aria-label="Sign-in">
            <label>
              <input
                type="radio"
                name="oauth-flow"
                value="loopback"
                checked={auth.flow !== "headless"}
                onChange={() => onChange(oauthAuth(auth.scopes, "loopback"))}
              />{" "}
              Browser on this machine
            </label>
            <label>
              <input
                type="radio"
                name="oauth-flow"
                value="headless"
                checked={auth.flow === "headless"}
                onChange={() => onChange(oauthAuth(auth.scopes, "headless"))}
              />{" "}
              No browser on this machine
            </label>
          </div>
          <p className="rf-hint">
            {auth.flow === "headless"
              ? "The code prints a sign-in URL to open on any device, then asks you to paste the address the browser ends on (http://localhost:8080/?code=…)."
              : "The code opens a browser here and receives the sign-in on a local port."}
          </p>
        </fieldset>
      ) : null}
      {auth.type === "oauth" ? (
        <fieldset className="rf-scopes">
          <legend>OAuth scopes</legend>
          {auth.scopes.length === 0 ? (
            <p className="rf-error" role="status">
              Pick at least one scope.
            </p>
          ) : null}
          <ul>
            {scopes.map((s) => (
              <li key={s.url}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.has(s.url)}
                    onChange={(e) => toggle(s.url, e.target.checked)}
                  />{" "}
                  <code>{scopeLabel(s.url)}</code>
                  {suggested.includes(s.url) ? (
                    <span className="badge rf-badge-suggested">suggested</span>
                  ) : null}
                  {s.description ? <span className="rf-scope-description">{s.description}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </fieldset>
  );
}
