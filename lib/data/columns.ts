import "server-only";

/**
 * The row a select of `columns` returns when they come through a left join: each column's type,
 * or null (drizzle types a hand-built column map no further).
 */
export type NullableRow<T extends Record<string, { _: { data: unknown } }>> = {
  [K in keyof T]: T[K]["_"]["data"] | null;
};
