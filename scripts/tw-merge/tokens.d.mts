export function classTokens(): Set<string>;
