import type { ApiKey } from './api-key';
import { secretDigest } from './parse-api-keys';

/** The configured API keys, and the one a presented secret belongs to. */
export class ApiKeyRing {
  constructor(readonly keys: readonly ApiKey[]) {}

  /** Whether any key is configured. */
  get configured(): boolean {
    return this.keys.length > 0;
  }

  /**
   * The key whose secret is `secret`, or `undefined`. The presented secret is hashed and compared
   * with every key's digest in constant time, all of them every time, so neither the answer's
   * timing nor its position in the list tells anything about a secret.
   */
  identify(secret: string): ApiKey | undefined {
    const digest = secretDigest(secret);
    let found: ApiKey | undefined;
    for (const key of this.keys) {
      if (key.matches(digest) && !found) found = key;
    }
    return found;
  }
}
