import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";

import { EarlyInputDone } from "@/components/layout/early-input-done";
import { SiteHeader } from "@/components/layout/site-header";
import { CredentialsProvider } from "@/components/try-it/credentials-provider";
import { EARLY_INPUT_SCRIPT } from "@/components/workbench/adopt-early-input";
import { serverSignInAvailability } from "@/lib/auth/server-config";
import { THEME_SCRIPT } from "@/lib/theme";
import { getDirectory } from "@/lib/discovery/load";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Google API Explorer", template: "%s · Google API Explorer" },
  description: "Browse Google APIs from their Discovery documents and get code that actually runs.",
};

// Every page is rendered on the server at run time, never at build time: the Content-Security-Policy nonce
// (proxy.ts) and the sign-in configuration (environment) are per request / per deployment. The directory, API and
// method pages are then kept by lib/page-cache, so nothing here may depend on the visitor (no cookies).
export const dynamic = "force-dynamic";

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The page's CSP nonce (proxy.ts): the theme and the early-input recorder run inline, before the first paint.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Not awaited: the header's source badge awaits it inside a Suspense boundary, so the page streams first.
  const source = getDirectory().then(
    (d) => d.source,
    () => null,
  );
  return (
    // The theme script sets data-theme on <html> before React hydrates it (lib/theme.ts).
    <html lang="en" suppressHydrationWarning>
      <body>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_INPUT_SCRIPT }} />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <CredentialsProvider availability={serverSignInAvailability()}>
          <SiteHeader source={source} />
          <main id="main" className="page">
            {children}
          </main>
        </CredentialsProvider>
        <EarlyInputDone />
        <footer className="site-footer">
          Data from Google API Discovery documents. Descriptions are sanitised before display.
        </footer>
      </body>
    </html>
  );
}
