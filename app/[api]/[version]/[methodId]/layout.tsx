import { notFound } from "next/navigation";

import { findMethod } from "@/lib/discovery/model";

import { decodeParam, loadApi } from "../load-api";

/** Unknown method → HTTP 404 (decided here, before the method page's loading boundary can start a stream). */
export default async function MethodLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ api: string; version: string; methodId: string }>;
}) {
  const p = await params;
  const loaded = await loadApi(p.api, p.version);
  if (loaded.ok && findMethod(loaded.api, decodeParam(p.methodId)) === undefined) notFound();
  return <>{children}</>;
}
