export * from "./media-rules";
export * from "./media-verdict";
