/** A coloured HTTP verb badge (GET, POST, …). */
export function HttpVerb({ verb }: { readonly verb: string }) {
  return <span className={`verb verb--${verb.toLowerCase()}`}>{verb}</span>;
}
