/**
 * Direct access to the settings records in the local KVS, for tests that plant what an older
 * version, a crash or damage left behind, and check what the store keeps.
 */
import type { KvsStore } from '../../../dev/runtime';
import type { JsonValue } from '../../../dev/simulator/json';

export const versionKey = (version: number) => `config:version:${String(version).padStart(10, '0')}`;
export const HEAD_KEY = 'config:head';

export function plant(kvs: KvsStore, key: string, value: JsonValue): void {
  kvs.write([{ namespace: 'kvs', key, entry: { value, createdAt: 0, updatedAt: 0 } }]);
}

export function remove(kvs: KvsStore, key: string): void {
  kvs.write([{ namespace: 'kvs', key, entry: undefined }]);
}

/** The versions of the settings records held, oldest first. */
export function storedVersions(kvs: KvsStore): number[] {
  return kvs
    .keys('kvs')
    .filter((key) => key.startsWith('config:version:'))
    .map((key) => Number(key.slice('config:version:'.length)));
}

/** Bytes of a resolver answer as it would cross to the browser. */
export const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
