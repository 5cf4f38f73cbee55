import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  await checkDatabase();
  return Response.json({ ok: true });
}
