import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ConfirmProvider } from "@/components/ui/confirm-dialog";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

// Every page depends on the signed-in user; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Postdeck", template: "%s · Postdeck" },
  description: "Plan, schedule and measure TikTok posts.",
};

export const viewport: Viewport = { themeColor: "#d91545" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <ConfirmProvider>{children}</ConfirmProvider>
        <Toaster />
      </body>
    </html>
  );
}
