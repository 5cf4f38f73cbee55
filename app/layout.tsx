import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page depends on the signed-in user; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Postdeck", template: "%s · Postdeck" },
  description: "Plan, schedule and measure TikTok posts.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
