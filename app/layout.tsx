import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { ConfirmProvider } from "@/components/ui/confirm-dialog";
import { Toaster } from "@/components/ui/toaster";
import { ViewerZoneProvider } from "@/components/ui/viewer-zone";
import { readViewerZoneCookie, viewerZoneCookie } from "@/lib/format/viewer-zone";
import "./globals.css";

// Every page depends on the signed-in user; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Postdeck", template: "%s · Postdeck" },
  description: "Plan, schedule and measure TikTok posts.",
};

export const viewport: Viewport = { themeColor: "#d91545" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Dates in server HTML use the zone the browser reported (lib/format/viewer-zone).
  const zone = readViewerZoneCookie((await cookies()).get(viewerZoneCookie)?.value);
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <ViewerZoneProvider zone={zone}>
          <ConfirmProvider>{children}</ConfirmProvider>
          <Toaster />
        </ViewerZoneProvider>
      </body>
    </html>
  );
}
