/**
 * The sandbox clock runs at real speed plus an offset, so `/__sandbox/clock/advance`
 * can jump forward without touching the process clock.
 */
export class Clock {
  constructor(public offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Only ever moves forward, so timestamps stay ordered. */
  moveTo(time: number): void {
    if (time > this.now()) this.offsetMs = time - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

export function toIso(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}
