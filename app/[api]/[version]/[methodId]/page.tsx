import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";

import { ScopeList } from "@/components/api/scope-list";
import { LoadErrorView } from "@/components/errors/load-error-view";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { SourceNote } from "@/components/directory/source-note";
import { MethodHeader } from "@/components/method/method-header";
import { ParameterTable } from "@/components/method/parameter-table";
import { SchemaReference } from "@/components/fields/schema-reference";
import { MethodWorkbench } from "@/components/workbench/method-workbench";
import { chooseScope } from "@/lib/auth/scopes";
import { findMethod } from "@/lib/discovery/model";
import { safeHref } from "@/lib/html/sanitize";
import { apiPath, descriptionPath, methodPath, schemaGraphPath } from "@/lib/routes";

import { apiLabel, decodeParam, loadApi } from "../load-api";

export const dynamic = "force-dynamic";

interface MethodPageProps {
  readonly params: Promise<{ api: string; version: string; methodId: string }>;
  /** The workbench state (`?r=<share string>&lang=…`, see lib/workbench/url-state.ts). */
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: MethodPageProps): Promise<Metadata> {
  const p = await params;
  const loaded = await loadApi(p.api, p.version);
  const methodId = decodeParam(p.methodId);
  if (!loaded.ok) return { title: methodId };
  return { title: `${methodId} · ${apiLabel(loaded.api)}` };
}

export default async function MethodPage({ params, searchParams }: MethodPageProps) {
  const p = await params;
  const search = await searchParams;
  const loaded = await loadApi(p.api, p.version);
  if (!loaded.ok) return <LoadErrorView error={loaded.error} />;
  const { api, source } = loaded;
  const method = findMethod(api, decodeParam(p.methodId));
  if (method === undefined) notFound();

  // Everything below is computed on the server. The browser gets rendered output and, for the workbench, a
  // one-method slice of the model (lib/discovery/slice.ts) — never api.schemas or other methods.
  const linkBase = safeHref(api.documentationLink ?? undefined);
  const scopeChoice = chooseScope(method);
  const suggested = scopeChoice ? [scopeChoice.scope] : [];
  const scopeDescriptions = new Map(api.scopes.map((s) => [s.url, s.description] as const));
  const scopes = method.scopes.map((url) => ({ url, description: scopeDescriptions.get(url) ?? "" }));
  const label = apiLabel(api);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "APIs", href: "/" },
          { label, href: apiPath(api.name, api.version) },
          ...method.resourcePath.map((r) => ({ label: r })),
          { label: method.name },
        ]}
      />
      {/* Intro, workbench, reference: the reading and Tab order. CSS (app/globals.css, .method-layout) places them:
          one column below 1280px (the workbench's form and code side by side from 1024px), and from 1280px the intro
          and the reference on the left of the workbench. */}
      {/* The intro and the reference are static server output, but React hydrates every element of the page; in
          Suspense boundaries (nothing in them suspends: the HTML is the same) they hydrate in a later,
          interruptible pass, after the workbench's form — a key typed at first paint is not queued behind them. */}
      <div className="method-layout">
        <Suspense>
          <div className="method-layout__intro">
            <MethodHeader
              method={method}
              baseUrl={api.baseUrl}
              linkBase={linkBase}
              fullTextHref={descriptionPath(api.name, api.version, method.id)}
            />
            <SourceNote source={source} revision={api.revision} />
          </div>
        </Suspense>

        <aside className="method-layout__try" aria-label="Try this method">
          <MethodWorkbench api={api} method={method} search={search} linkBase={linkBase} />
          <p className="muted small">
            Permalink:{" "}
            <a href={methodPath(api.name, api.version, method.id)}>
              {methodPath(api.name, api.version, method.id)}
            </a>
          </p>
        </aside>

        <Suspense>
          <div className="method-layout__docs">
            <section aria-labelledby="params-title">
              <h2 id="params-title">Parameters</h2>
              <ParameterTable
                parameters={method.parameters}
                standard={api.standardParameters}
                linkBase={linkBase}
                fullTextHref={(param) => descriptionPath(api.name, api.version, method.id, param)}
              />
            </section>

            <section aria-labelledby="body-title">
              <h2 id="body-title">Request and response</h2>
              <dl className="facts">
                <div>
                  <dt>Request body</dt>
                  <dd>{method.requestSchema !== null ? <code>{method.requestSchema}</code> : "none"}</dd>
                </div>
                <div>
                  <dt>Response</dt>
                  <dd>{method.responseSchema !== null ? <code>{method.responseSchema}</code> : "empty"}</dd>
                </div>
              </dl>
              {/* Both trees are fetched when first opened (lib/fields/method-graph.ts), not sent with the page. */}
              {method.responseSchema !== null ? (
                <SchemaReference
                  url={schemaGraphPath(api.name, api.version, method.id, "response", api.revision)}
                  title="Response fields"
                  schemaName={method.responseSchema}
                />
              ) : null}
              {method.requestSchema !== null ? (
                <SchemaReference
                  url={schemaGraphPath(api.name, api.version, method.id, "request", api.revision)}
                  title="Request body fields"
                  schemaName={method.requestSchema}
                />
              ) : null}
            </section>

            <section aria-labelledby="scopes-title">
              <h2 id="scopes-title">Authorization</h2>
              {scopes.length > 0 ? (
                <p>
                  Any one of these OAuth scopes authorises the call for some resources; the suggested one is
                  the least-privileged that suffices in general.
                </p>
              ) : null}
              <ScopeList scopes={scopes} suggested={suggested} reason={scopeChoice?.reason} />
            </section>
          </div>
        </Suspense>
      </div>
    </>
  );
}
