import * as pulumi from "@pulumi/pulumi";
import { didYouMean, nearMiss } from "../../validation/did-you-mean";
import { ConfigError } from "./config-error";
import { ENVIRONMENT_CONFIG_KEYS } from "./load-environment-config";
import { MANAGEMENT_CONFIG_KEYS } from "./load-management-config";
import { PROJECT_NAMESPACE, STACK_KIND_KEY, type RawConfig } from "./stack-config-reader";

/**
 * Every key of the project's namespace some kind of stack reads. Project-level defaults in
 * Pulumi.yaml reach every stack, so a key is known when any kind reads it.
 */
export const PROJECT_CONFIG_KEYS: readonly string[] = [...new Set([STACK_KIND_KEY, ...ENVIRONMENT_CONFIG_KEYS, ...MANAGEMENT_CONFIG_KEYS])];

/**
 * Config namespaces. The program reads its own and `aws` (`aws:region`); Pulumi's own (`pulumi:`)
 * and other providers' namespaces are legitimate though the program ignores them. A namespace that
 * is none of these but a near miss of one (validation/did-you-mean.ts: `asw`, `zero-trust-awss`)
 * is a typo that would leave its key unread, so it is refused; any other namespace (another
 * provider's, such as `tls` or `random`) is left alone, as Pulumi leaves it.
 */
const READ_NAMESPACES: readonly string[] = [PROJECT_NAMESPACE, "aws"];
const KNOWN_NAMESPACES: readonly string[] = [...READ_NAMESPACES, "pulumi", "aws-native", "awsx"];

/** What a refusal shows for the value of a secret key: the program holds it decrypted, and it must not reach a log. */
export const SECRET_SHOWN = "[secret]";

/**
 * Whether Pulumi marks a config key secret. The SDK's runtime knows (`isConfigSecret`) but does not
 * declare it in its types; without it, no key is taken for a secret.
 */
export function isSecretKey(key: string): boolean {
    const runtime = pulumi.runtime as { isConfigSecret?: (key: string) => boolean };
    return runtime.isConfigSecret?.(key) === true;
}

/**
 * Refuses a config key that would be silently ignored, before anything else is read: a key of the
 * project's namespace that no kind of stack reads, a near miss of a key the program reads in
 * another namespace it reads (`aws:regoin`; the provider's other settings are left alone), and a
 * near miss of a known namespace. One line naming the key, its value (SECRET_SHOWN for a key
 * `isSecret` says is secret) and the key meant.
 */
export function refuseUnreadKeys(raw: RawConfig, isSecret: (key: string) => boolean = isSecretKey): void {
    for (const [key, written] of Object.entries(raw)) {
        const value = isSecret(key) ? SECRET_SHOWN : written;
        if (PROJECT_CONFIG_KEYS.includes(key)) {
            continue;
        }
        const separator = key.indexOf(":");
        const namespace = key.slice(0, separator);
        if (namespace === PROJECT_NAMESPACE) {
            const names = PROJECT_CONFIG_KEYS.filter((k) => k.startsWith(`${namespace}:`)).map((k) => k.slice(separator + 1));
            throw new ConfigError(
                key,
                value,
                `a key this project reads, one of ${names.join(", ")}${didYouMean(key, PROJECT_CONFIG_KEYS)}`,
            );
        }
        const meantNamespace = READ_NAMESPACES.includes(namespace) ? undefined : nearMiss(namespace, KNOWN_NAMESPACES);
        const meant = meantNamespace === undefined ? nearMiss(key, PROJECT_CONFIG_KEYS) : `${meantNamespace}${key.slice(separator)}`;
        if (meant !== undefined) {
            throw new ConfigError(key, value, `a key this project reads or Pulumi knows (did you mean ${meant}?)`);
        }
    }
}
