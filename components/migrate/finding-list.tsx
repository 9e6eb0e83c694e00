import type { Finding } from "@/lib/migrate/types";

/** The findings of lib/migrate, one per item: where, what, why (a link to the guide), and what to do by hand. */
export function FindingList({ findings }: { readonly findings: readonly Finding[] }) {
  return (
    <ol className="migrate__findings" data-testid="migrate-findings">
      {findings.map((f) => (
        <li
          key={`${f.ruleId}-${f.from}`}
          className={f.fixed ? "migrate__finding" : "migrate__finding migrate__finding--manual"}
        >
          <p>
            <span className="migrate__where">
              Line {f.line}, column {f.column}
            </span>{" "}
            <code className="migrate__rule">{f.ruleId}</code>{" "}
            <span className="migrate__badge">{f.fixed ? "fixed" : "fix by hand"}</span>
          </p>
          <p>{f.message}</p>
          {f.fixed ? null : <p className="migrate__manual">{f.manual}</p>}
          <p className="small">
            Why:{" "}
            <a href={f.why} target="_blank" rel="noopener noreferrer">
              {f.why.replace(/^https:\/\//, "")}
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}
