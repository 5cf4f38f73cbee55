export function unknownLibEntries(names?: string[]): string[];
export function missingServerOnly(): string[];
export function importGraph(dirs?: string[]): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): string[][];
