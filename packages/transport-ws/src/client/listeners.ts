/** A typed listener registry without Node's `EventEmitter` (this side runs in browsers too). */
export class Listeners<Events extends object> {
  readonly #map = new Map<keyof Events, Set<(value: never) => void>>();

  on<K extends keyof Events>(name: K, listener: (value: Events[K]) => void): void {
    let set = this.#map.get(name);
    if (!set) this.#map.set(name, (set = new Set()));
    set.add(listener as (value: never) => void);
  }

  off<K extends keyof Events>(name: K, listener: (value: Events[K]) => void): void {
    this.#map.get(name)?.delete(listener as (value: never) => void);
  }

  emit<K extends keyof Events>(name: K, value: Events[K]): void {
    const set = this.#map.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (value: Events[K]) => void)(value);
      } catch (error) {
        // A listener's bug must not stop delivery to the others; surface it asynchronously.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
