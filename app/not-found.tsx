import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold text-gray-900">Page not found</h1>
      <p className="mt-2 text-sm text-gray-600">
        That page does not exist or you do not have access to it.
      </p>
      {/* A plain link: next/link here made pages load a second copy of it (3 kB) with the
          not-found boundary, and a full load is right after a dead end. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see the line above */}
      <a href="/" className={buttonVariants({ className: "mt-6" })}>
        Back to Postdeck
      </a>
    </main>
  );
}
