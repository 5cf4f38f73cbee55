import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
