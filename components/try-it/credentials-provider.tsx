"use client";
/**
 * In-memory credentials for running requests: the signed-in token, a pasted token and an API key. They live in
 * this React state only (so client-side navigation between methods keeps them, a reload forgets them); the API
 * key alone may be kept in sessionStorage, and only when the user opts in. Nothing here ever reaches a URL,
 * history, localStorage or generated code.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";

import { revokeSignIn, signInWithPopup } from "@/lib/auth/browser-sign-in";
import type { SignInAvailability } from "@/lib/auth/oauth-config";
import type { TokenSession } from "@/lib/auth/oauth-flow";

const KEY_STORAGE = "explorer-api-key";

export interface AuthNotice {
  readonly tone: "ok" | "error";
  readonly text: string;
}

export interface Credentials {
  readonly availability: SignInAvailability;
  readonly session: TokenSession | null;
  readonly signingIn: boolean;
  readonly notice: AuthNotice | null;
  readonly signIn: (scopes: readonly string[]) => Promise<boolean>;
  readonly signOut: () => Promise<void>;
  readonly pastedToken: string;
  readonly setPastedToken: (token: string) => void;
  readonly apiKey: string;
  readonly setApiKey: (key: string) => void;
  readonly rememberKey: boolean;
  /** The key was restored from sessionStorage after hydration (the uncontrolled input must re-mount). */
  readonly restoredKey: boolean;
  readonly setRememberKey: (on: boolean) => void;
}

const CredentialsContext = createContext<Credentials | null>(null);

export function useCredentials(): Credentials {
  const c = useContext(CredentialsContext);
  if (c === null) throw new Error("useCredentials outside <CredentialsProvider>");
  return c;
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function CredentialsProvider({
  availability,
  children,
}: {
  readonly availability: SignInAvailability;
  readonly children: React.ReactNode;
}) {
  const [session, setSession] = useState<TokenSession | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [notice, setNotice] = useState<AuthNotice | null>(null);
  const [pastedToken, setPastedToken] = useState("");
  const [apiKey, setApiKeyState] = useState("");
  const [rememberKey, setRememberKeyState] = useState(false);
  const [restoredKey, setRestoredKey] = useState(false);
  const pending = useRef<AbortController | null>(null);

  // The opted-in API key comes back after a reload of this tab (sessionStorage dies with the tab).
  useEffect(() => {
    const stored = sessionStore()?.getItem(KEY_STORAGE);
    if (stored) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- reading browser storage after hydration
      setApiKeyState(stored);
      setRememberKeyState(true);
      setRestoredKey(true);
    }
  }, []);

  const setApiKey = useCallback(
    (key: string) => {
      setApiKeyState(key);
      if (rememberKey) sessionStore()?.setItem(KEY_STORAGE, key);
    },
    [rememberKey],
  );
  const setRememberKey = useCallback(
    (on: boolean) => {
      setRememberKeyState(on);
      if (on) sessionStore()?.setItem(KEY_STORAGE, apiKey);
      else sessionStore()?.removeItem(KEY_STORAGE);
    },
    [apiKey],
  );

  const signIn = useCallback(async (scopes: readonly string[]) => {
    pending.current?.abort();
    const ctrl = new AbortController();
    pending.current = ctrl;
    setSigningIn(true);
    setNotice(null);
    try {
      const s = await signInWithPopup(scopes, ctrl.signal);
      setSession(s);
      setNotice({ tone: "ok", text: s.email !== null ? `Signed in as ${s.email}.` : "Signed in." });
      return true;
    } catch (err) {
      if (!ctrl.signal.aborted)
        setNotice({ tone: "error", text: err instanceof Error ? err.message : String(err) });
      return false;
    } finally {
      if (pending.current === ctrl) {
        pending.current = null;
        setSigningIn(false);
      }
    }
  }, []);

  const signOut = useCallback(async () => {
    const token = session?.accessToken;
    setSession(null);
    if (token === undefined) return;
    const r = await revokeSignIn(token);
    setNotice({ tone: r.ok ? "ok" : "error", text: r.message });
  }, [session]);

  const value = useMemo<Credentials>(
    () => ({
      availability,
      session,
      signingIn,
      notice,
      signIn,
      signOut,
      pastedToken,
      setPastedToken,
      apiKey,
      setApiKey,
      rememberKey,
      restoredKey,
      setRememberKey,
    }),
    [
      availability,
      session,
      signingIn,
      notice,
      signIn,
      signOut,
      pastedToken,
      apiKey,
      setApiKey,
      rememberKey,
      restoredKey,
      setRememberKey,
    ],
  );
  return <CredentialsContext.Provider value={value}>{children}</CredentialsContext.Provider>;
}
