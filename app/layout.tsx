import type { Metadata, Viewport } from "next";

import { SiteHeader } from "@/components/layout/site-header";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Google API Explorer", template: "%s · Google API Explorer" },
  description: "Browse Google APIs from their Discovery documents and get code that actually runs.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          Data from Google API Discovery documents. Descriptions are sanitised before display.
        </footer>
      </body>
    </html>
  );
}
