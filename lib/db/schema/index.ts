/** The database schema, one file per area; drizzle-kit and the db client read this index. */
export * from "./enums";
export * from "./accounts";
export * from "./media";
export * from "./posts";
export * from "./timeline";
export * from "./webhooks";
export * from "./sync";
export * from "./uploads";
export * from "./profiles";
export * from "./alerts";
