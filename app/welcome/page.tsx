import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { CreateWorkspaceForm } from "@/components/workspace/create-workspace-form";
import { requireUserCtx } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/data/workspaces";

export const metadata: Metadata = { title: "New workspace" };

export default async function WelcomePage() {
  const workspaces = await listUserWorkspaces(await requireUserCtx());
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-sm space-y-4 rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold text-gray-900">
          {workspaces.length ? "Create another workspace" : "Create your workspace"}
        </h1>
        <p className="text-sm text-gray-600">
          {workspaces.length
            ? "A workspace has its own Postproxy key, members and posts."
            : "You are not a member of any workspace. Create one, or open an invite link from a teammate."}
        </p>
        <CreateWorkspaceForm />
        {workspaces.length ? (
          <Link
            href="/home"
            className="block text-center text-sm text-gray-700 underline-offset-2 hover:underline"
          >
            Back to {workspaces[0].name}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
