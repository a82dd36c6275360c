/** Public entry point of the local Forge runtime (globals for @forge/api and @forge/kvs). */
export { installForgeRuntime, uninstallForgeRuntime, type ForgeRuntimeOptions } from './forge-runtime';
export {
  runInvocation,
  currentInvocation,
  DEFAULT_INVOCATION_TIMEOUT_MS,
  type InvocationContext,
  type InvocationOptions,
} from './invocation';
export {
  MemoryKvsStore,
  FileKvsStore,
  KvsStoreFileError,
  KVS_NAMESPACES,
  type KvsStore,
  type KvsEntry,
  type KvsWrite,
  type KvsNamespace,
} from './kvs-store';
export { KvsFaults, type KvsFaultScope, type KvsFailure, type KvsOperation } from './kvs-faults';
export { handleKvsRequest, KVS_LIMITS, type KvsApiOptions, type KvsHttpResult } from './kvs-api';
export { startLocalForge, type LocalForge, type LocalForgeOptions } from './local-forge';
export { invokeResolver, DEFAULT_INSTALL_CONTEXT, type ResolverHandler, type ResolverCall } from './invoke-resolver';
