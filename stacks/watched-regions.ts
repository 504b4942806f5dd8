import { ConfigError } from "./config/config-error";
import type { EnvironmentConfig } from "./config/environment-schema";
import { PROJECT_NAMESPACE } from "./config/stack-config-reader";

/** The regions an environment watches: its home region, then the others, in the list's order. */
export interface WatchedRegions {
    /** `aws:region`: the VPC, the primary keys and the account-wide settings live here. */
    readonly home: string;
    /** Every other watched region; each gets a provider and the regional services. */
    readonly others: readonly string[];
}

/**
 * The regions the environment watches, from the one list of the organisation:
 * `guardrails.allowedRegions` of the management stack (`allowedRegions`, undefined for an
 * environment without a management stack, which watches its home region and the key ring's
 * replica regions). Refuses, with one line naming the config key, a home region outside the list,
 * replica regions outside it, and detectors to adopt (`detection.detectorIds`) that do not match
 * the other watched regions one for one.
 */
export function watchedRegions(config: EnvironmentConfig, allowedRegions: readonly string[] | undefined): WatchedRegions {
    const home = config.region;
    const replicas = config.encryption.replicaRegions;
    if (allowedRegions !== undefined) {
        const allowed = `one of the management stack's guardrails.allowedRegions (${allowedRegions.join(", ")}): the SCPs deny every other region`;
        if (!allowedRegions.includes(home)) {
            throw new ConfigError("aws:region", home, allowed);
        }
        replicas.forEach((region, index) => {
            if (!allowedRegions.includes(region)) {
                throw new ConfigError(`${PROJECT_NAMESPACE}:encryption.replicaRegions[${index}]`, region, allowed);
            }
        });
    }
    const others = allowedRegions === undefined ? replicas : allowedRegions.filter((region) => region !== home);
    const { detectorId, detectorIds = {} } = config.detection;
    if (detectorId !== undefined) {
        for (const region of Object.keys(detectorIds)) {
            if (!others.includes(region)) {
                throw new ConfigError(
                    `${PROJECT_NAMESPACE}:detection.detectorIds.${region}`,
                    detectorIds[region],
                    `no entry: ${region} is not one of the other watched regions (${others.join(", ") || "none"})`,
                );
            }
        }
        for (const region of others) {
            if (detectorIds[region] === undefined) {
                throw new ConfigError(
                    `${PROJECT_NAMESPACE}:detection.detectorIds.${region}`,
                    undefined,
                    `the id of the detector the delegated administrator enabled in ${region} (aws guardduty list-detectors --region ${region}), as detectorId is the home region's`,
                );
            }
        }
    }
    return { home, others };
}
