// Waiting without sleeping: every wait is for an emitter's event, bounded by a deadline that names what it
// waited for.
import type { EventEmitter } from "node:events";

export const DEADLINE_MS = 20_000;

/** Resolves with check()'s first non-undefined value, checked now and after each of the emitter's events. */
export function until<T>(emitter: EventEmitter, events: string[], check: () => T | undefined, what: string, timeoutMs = DEADLINE_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onEvent = (): void => {
      let value: T | undefined;
      try {
        value = check();
      } catch (err) {
        finish();
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (value !== undefined) {
        finish();
        resolve(value);
      }
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      for (const e of events) {
        emitter.off(e, onEvent);
      }
    };
    for (const e of events) {
      emitter.on(e, onEvent);
    }
    onEvent();
  });
}

/** Bounds a promise by a deadline. */
export function within<T>(p: Promise<T>, what: string, timeoutMs = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
