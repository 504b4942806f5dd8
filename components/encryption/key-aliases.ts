import type { KeyPurpose } from "./key-purposes";

/**
 * Alias scheme of the key ring (aliases are per region; replicas carry the same alias in their
 * region, so code finds "its" key by one name everywhere):
 *
 * - application keys: `alias/<env>/<app>`
 * - purpose keys:     `alias/<env>/purpose/<purpose>`
 *
 * Environment and application names are validated as `[a-z0-9-]` without slashes, so an
 * application alias has exactly two segments after `alias/` and a purpose alias three: the two
 * kinds cannot collide, whatever an application is called (an application named `logs` gets
 * `alias/<env>/logs`, the logs key keeps `alias/<env>/purpose/logs`). Environment `aws` is refused
 * by the config schema: `alias/aws/` is reserved for AWS managed keys.
 */
export function applicationKeyAlias(environment: string, application: string): string {
    return `alias/${environment}/${application}`;
}

/** Alias of a purpose key: `alias/<env>/purpose/<purpose>`. */
export function purposeKeyAlias(environment: string, purpose: KeyPurpose): string {
    return `alias/${environment}/purpose/${purpose}`;
}
