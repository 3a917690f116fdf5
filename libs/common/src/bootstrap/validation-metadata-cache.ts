import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Metadatas = ReturnType<Lookup>;

const INSTALLED = Symbol.for('satupintu.validation-metadata-cache');

/**
 * Makes class-validator look up a class's rules once instead of on every validation.
 *
 * Its `getTargetValidationMetadatas` walks every class ever decorated (an `instanceof` per
 * class, to collect inherited rules) each time an object or a nested object is validated. With
 * the hundreds of contract and request classes the services register, the profile of the POST
 * path showed it as the single most expensive JavaScript function of the gateway. The rules of a
 * class are fixed once its module is loaded, so the answer is cached per class and options; any
 * rule registered later (a class loaded lazily) empties the cache, so nothing is ever missed.
 * Lookups by validation group are passed through (we validate without groups).
 *
 * The storage is class-validator's global one, shared by every copy of the library loaded in
 * the process; installing twice is a no-op.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new Map<unknown, Map<string, Metadatas>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups && groups.length > 0) return lookup(target, schema, always, strictGroups, groups);
    const options = `${schema}\u0000${always}\u0000${strictGroups}`;
    let ofTarget = cache.get(target);
    if (!ofTarget) cache.set(target, (ofTarget = new Map<string, Metadatas>()));
    let found = ofTarget.get(options);
    if (!found) {
      found = lookup(target, schema, always, strictGroups, groups);
      ofTarget.set(options, found);
    }
    return found;
  };

  // Any rule registered later (a class loaded lazily) makes every cached answer suspect.
  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  const addConstraintMetadata = storage.addConstraintMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    cache = new Map();
    addValidationMetadata(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    cache = new Map();
    addConstraintMetadata(metadata);
  };
}
