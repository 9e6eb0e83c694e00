import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";

import { EarlyInputDone } from "@/components/layout/early-input-done";
import { SiteHeader } from "@/components/layout/site-header";
import { CredentialsProvider } from "@/components/try-it/credentials-provider";
import { EARLY_INPUT_SCRIPT } from "@/components/workbench/adopt-early-input";
import { serverSignInAvailability } from "@/lib/auth/server-config";
import { getDirectory } from "@/lib/discovery/load";
import { forcedTheme, THEME_COOKIE } from "@/lib/theme";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Google API Explorer", template: "%s · Google API Explorer" },
  description: "Browse Google APIs from their Discovery documents and get code that actually runs.",
};

// Every page is rendered per request: the Content-Security-Policy nonce (proxy.ts) and the sign-in configuration
// (environment) are per request / per deployment, never baked in at build time.
export const dynamic = "force-dynamic";

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The header's theme choice (lib/theme.ts), rendered on the server: no flash and no inline script.
  const theme = forcedTheme((await cookies()).get(THEME_COOKIE)?.value);
  // The page's CSP nonce (proxy.ts): the early-input recorder runs inline, before anything can be typed into.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Not awaited: the header's source badge awaits it inside a Suspense boundary, so the page streams first.
  const source = getDirectory().then(
    (d) => d.source,
    () => null,
  );
  return (
    <html lang="en" data-theme={theme}>
      <body>
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
