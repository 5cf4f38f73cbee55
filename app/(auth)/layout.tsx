// The centred logo-and-card frame recurs in app/invite and app/welcome with other widths and
// spacing: three small pages, each readable without a wrapper.
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-sm rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        {children}
      </div>
      <p className="mt-6 max-w-sm text-center text-xs text-gray-500">
        Schedule TikTok videos and photo posts for every brand you manage, through Postproxy.
      </p>
    </main>
  );
}
