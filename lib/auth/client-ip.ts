/** The nearest proxy appends the peer address last, so the rightmost entry is the one to trust. */
export function clientIpFrom(
  headers: Record<string, string | string[] | undefined> | Headers | undefined,
): string {
  const get = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last || get("x-real-ip") || "unknown";
}
