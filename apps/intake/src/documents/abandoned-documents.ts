import type { StoredObject } from '@satupintu/messaging';

/**
 * The stored objects to remove: those no document of the registry names, once they are older
 * than `cutoff`. A younger one may be an upload whose registration is still on its way.
 */
export function unregisteredObjects(
  objects: readonly StoredObject[],
  registered: ReadonlySet<string>,
  cutoff: Date,
): StoredObject[] {
  return objects.filter(
    (object) => !registered.has(object.name) && object.storedAt.getTime() < cutoff.getTime(),
  );
}
