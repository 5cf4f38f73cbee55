/** Post ids are uuids; anything else is not a post (and must not reach PostgreSQL as one). */
export function isPostId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
