import type { Metadata } from "next";

import { MigrateWorkbench } from "@/components/migrate/migrate-workbench";

export const metadata: Metadata = {
  title: "Fix my old code — Google API Explorer",
  description:
    "Rewrites Google API code that broke: run_console, the out-of-band sign-in, oauth2client, @google-cloud/local-auth.",
};

export default function MigratePage() {
  return (
    <>
      <section className="intro" aria-labelledby="migrate-title">
        <h1 id="migrate-title">Fix my old code</h1>
        <p>
          Code copied from the APIs Explorer or an old quickstart may no longer sign in:{" "}
          <code>run_console()</code> was removed, Google blocks the out-of-band (copy-the-code) flow,{" "}
          <code>oauth2client</code> and <code>@google-cloud/local-auth</code> are deprecated. Paste or drop
          your file: each problem is explained with Google&apos;s guide, and the rewritten file keeps
          everything else exactly as you wrote it. Nothing is sent anywhere — the check runs in this page.
        </p>
      </section>
      <MigrateWorkbench />
    </>
  );
}
