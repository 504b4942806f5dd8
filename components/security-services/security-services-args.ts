import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { fail, refuseRepeats, validProvider } from "../../validation/argument-error";
import { validRegion } from "../../validation/aws-identifiers";

/**
 * Validation shared by the security-services components, beyond the checks of AWS values in
 * `validation/`. Each check throws a one-line error that names the argument, shows the value
 * and says what was expected, before any resource is declared.
 */

/** Lowercase name prefix: names, `Name` tags and the analyzer's name (which allows far more). */
const NAME_PREFIX = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Default prefix of names and tags, as for the organisation's guardrail SCPs. */
export const DEFAULT_NAME_PREFIX = "zero-trust";

/** The name prefix (default when undefined), or a one-line error naming `parameter`. */
export function validNamePrefix(parameter: string, value: unknown): string {
    if (value === undefined) {
        return DEFAULT_NAME_PREFIX;
    }
    if (typeof value !== "string" || !NAME_PREFIX.test(value)) {
        fail(parameter, value, "a name prefix (expected 1-40 characters of a-z 0-9 -, starting with a letter, not ending with -)");
    }
    return value;
}

const isAwsProvider = (value: unknown): value is aws.Provider => aws.Provider.isInstance(value);

/**
 * The two providers of a cross-account component: the management account's (the component's own
 * `opts.provider`, which its management-side resources use) and the security account's (an
 * argument). Both must be explicit `aws.Provider`s (default providers are disabled project-wide)
 * and they must differ: one provider for both would put the security account's resources into
 * the management account.
 */
export function validProviders(
    securityAccountProvider: unknown,
    opts: pulumi.ComponentResourceOptions | undefined,
): { management: aws.Provider; security: aws.Provider } {
    const management = validProvider("opts.provider", opts?.provider, "the management account's aws.Provider", isAwsProvider);
    if (!isAwsProvider(securityAccountProvider)) {
        fail("securityAccountProvider", securityAccountProvider, "an aws.Provider (expected the security account's provider)");
    }
    if (securityAccountProvider === management) {
        throw new Error(
            "securityAccountProvider: the same provider as opts.provider (the management account's); expected a provider for the security account",
        );
    }
    return { management, security: securityAccountProvider };
}

/** An account's provider in one region other than the component's own. */
export interface RegionalAccountProvider {
    /** The region of the provider. */
    readonly region: string;
    /** The provider, pinned to that region. */
    readonly provider: aws.Provider;
}

/**
 * Providers of the organisation's other regions (default none): each an `aws.Provider` with a
 * valid region, no region twice, and never the management account's own provider.
 */
export function validLinkedProviders(parameter: string, value: unknown, management: aws.Provider): readonly RegionalAccountProvider[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        fail(parameter, value, "a list of { region, provider }");
    }
    const linked = (value as unknown[]).map((entry, index) => {
        const { region, provider } = (entry ?? {}) as Partial<RegionalAccountProvider>;
        if (!isAwsProvider(provider) || provider === management) {
            fail(`${parameter}[${index}].provider`, provider, "an aws.Provider of the security account in that region");
        }
        return { region: validRegion(`${parameter}[${index}].region`, region), provider };
    });
    refuseRepeats(
        parameter,
        linked.map((entry) => entry.region),
    );
    return linked;
}
