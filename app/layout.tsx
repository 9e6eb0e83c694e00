import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";

import { SiteHeader } from "@/components/layout/site-header";
import { CredentialsProvider } from "@/components/try-it/credentials-provider";
import { serverSignInAvailability } from "@/lib/auth/server-config";
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
  return (
    <html lang="en" data-theme={theme}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <CredentialsProvider availability={serverSignInAvailability()}>
          <SiteHeader />
          <main id="main" className="page">
            {children}
          </main>
        </CredentialsProvider>
        <footer className="site-footer">
          Data from Google API Discovery documents. Descriptions are sanitised before display.
        </footer>
      </body>
    </html>
  );
}
