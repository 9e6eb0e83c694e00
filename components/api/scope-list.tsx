import { scopeLabel } from "@/lib/auth/scopes";
import type { ScopeModel } from "@/lib/discovery/model-types";
import { plainText } from "@/lib/html/sanitize";

interface ScopeListProps {
  readonly scopes: readonly ScopeModel[];
  /** Scope URLs to mark as the suggested (narrowest sufficient) choice. */
  readonly suggested?: readonly string[];
  /** Why the suggested scope is the least-privileged one that suffices (lib/auth/scopes.ts `chooseScope`). */
  readonly reason?: string;
}

export function ScopeList({ scopes, suggested = [], reason }: ScopeListProps) {
  if (scopes.length === 0)
    return <p className="muted">No OAuth scopes: call with an API key or without credentials.</p>;
  return (
    <ul className="scope-list">
      {scopes.map((s) => {
        const isSuggested = suggested.includes(s.url);
        return (
          <li key={s.url} className={isSuggested ? "scope scope--suggested" : "scope"}>
            <code className="scope__label" title={s.url}>
              {scopeLabel(s.url)}
            </code>
            {isSuggested ? <span className="badge badge--suggested">suggested</span> : null}
            {s.description ? <span className="scope__description">{plainText(s.description)}</span> : null}
            {isSuggested && reason ? <span className="scope__reason">{reason}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
