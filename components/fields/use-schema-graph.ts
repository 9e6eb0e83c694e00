"use client";

import { useEffect, useSyncExternalStore } from "react";

import { readJsonResponse } from "@/lib/http/read-json";
import type { SchemaGraph } from "@/lib/fields/schema-graph";

export type GraphState =
  | { readonly status: "idle" }
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly graph: SchemaGraph }
  | { readonly status: "error"; readonly error: string };

const IDLE: GraphState = { status: "idle" };

/** One fetch per URL for the page's lifetime, shared by the picker, the checks and the reference tree. */
const states = new Map<string, GraphState>();
const listeners = new Set<() => void>();

function set(url: string, state: GraphState) {
  states.set(url, state);
  for (const l of listeners) l();
}

const pending = new Map<string, Promise<SchemaGraph>>();

/** Fetches (once) the graph at `url`; the hook's state follows. */
export function loadSchemaGraph(url: string): Promise<SchemaGraph> {
  const known = pending.get(url);
  if (known !== undefined) return known;
  set(url, { status: "loading" });
  const promise = fetch(url)
    .then((res) => readJsonResponse(res, "The schema"))
    .then((body) => {
      const graph = body as SchemaGraph | null;
      if (graph === null || typeof graph.root !== "string" || !Array.isArray(graph.schemas))
        throw new Error("The schema answer is not a schema graph.");
      set(url, { status: "ready", graph });
      return graph;
    });
  pending.set(url, promise);
  promise.catch((err: unknown) =>
    set(url, { status: "error", error: err instanceof Error ? err.message : String(err) }),
  );
  return promise;
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The schema graph at `url`, fetched once `enabled` (when the tree opens or a value needs checking). */
export function useSchemaGraph(url: string | null, enabled: boolean): GraphState {
  useEffect(() => {
    if (url !== null && enabled) loadSchemaGraph(url).catch(() => undefined); // the state carries the error
  }, [url, enabled]);
  return useSyncExternalStore(
    subscribe,
    () => (url === null ? IDLE : (states.get(url) ?? IDLE)),
    () => IDLE,
  );
}
