/**
 * A value cached on an object, like a WeakMap entry, but kept on the object itself under a private
 * symbol (not enumerable, so spreading or comparing the object does not see it). Lint makes tens of
 * thousands of documents that die young, and V8's young-generation collections keep the entries of a
 * WeakMap keyed by them alive until a full collection: measured on 60,000 documents, caching in a
 * WeakMap had every document promoted and nearly doubled the time spent collecting.
 */
export class ObjectCache<K extends object, V> {
  readonly #slot: symbol;

  constructor(description: string) {
    this.#slot = Symbol(description);
  }

  get(key: K): V | undefined {
    return (key as Record<symbol, V | undefined>)[this.#slot];
  }

  /** Caches nothing on an object that cannot take it (frozen or sealed): the next get misses. */
  set(key: K, value: V): void {
    if (Object.hasOwn(key, this.#slot)) Reflect.set(key, this.#slot, value);
    else if (Object.isExtensible(key))
      Object.defineProperty(key, this.#slot, { value, writable: true, enumerable: false });
  }
}
