import type { Position } from './diagnostics.js';

type KeyPosition = { key: Position; value: Position };

/**
 * Key positions worked out when first asked for: only a finding needs them, so most documents of a
 * lint run never do. Everything a Map offers works, and works them out first.
 */
export class DeferredPositions extends Map<string, KeyPosition> {
  #workOut: (() => ReadonlyMap<string, KeyPosition>) | undefined;

  constructor(workOut: () => ReadonlyMap<string, KeyPosition>) {
    super();
    this.#workOut = workOut;
  }

  #known(): void {
    const workOut = this.#workOut;
    if (!workOut) return;
    this.#workOut = undefined;
    for (const [path, position] of workOut()) super.set(path, position);
  }

  override get(path: string): KeyPosition | undefined {
    this.#known();
    return super.get(path);
  }

  override has(path: string): boolean {
    this.#known();
    return super.has(path);
  }

  override set(path: string, position: KeyPosition): this {
    this.#known();
    return super.set(path, position);
  }

  override delete(path: string): boolean {
    this.#known();
    return super.delete(path);
  }

  override clear(): void {
    this.#workOut = undefined;
    super.clear();
  }

  override get size(): number {
    this.#known();
    return super.size;
  }

  override forEach(
    visit: (position: KeyPosition, path: string, map: Map<string, KeyPosition>) => void,
  ): void {
    this.#known();
    super.forEach(visit);
  }

  override keys(): MapIterator<string> {
    this.#known();
    return super.keys();
  }

  override values(): MapIterator<KeyPosition> {
    this.#known();
    return super.values();
  }

  override entries(): MapIterator<[string, KeyPosition]> {
    this.#known();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, KeyPosition]> {
    return this.entries();
  }
}
