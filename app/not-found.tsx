import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold text-gray-900">Page not found</h1>
      <p className="mt-2 text-sm text-gray-600">
        That page does not exist or you do not have access to it.
      </p>
      <Link href="/" className={buttonVariants({ className: "mt-6" })}>
        Back to Postdeck
      </Link>
    </main>
  );
}
