export { EncryptedStore } from './encrypted-store';
export { Migration, RestoreOptions, SqlParam, SqlParams, StorageOptions, StoreTransaction } from './store-types';
export { StorageCorruptError, StorageError, StorageErrorCode, StorageKeyError, StorageLockedError } from './storage-errors';
