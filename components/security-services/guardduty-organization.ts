import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GuardDutyDetector } from "../detection/guardduty-detector";
import {
    FINDING_PUBLISHING_FREQUENCIES,
    GUARDDUTY_FEATURES,
    RUNTIME_MONITORING_AGENT_MANAGEMENT,
    type FindingPublishingFrequency,
    type GuardDutyFeature,
    validGuardDutyFeatures,
} from "../detection/guardduty-features";
import { validChoice } from "../../validation/argument-error";
import { validAccountId } from "../../validation/aws-identifiers";
import { validNamePrefix, validProviders } from "./security-services-args";

export interface GuardDutyOrganizationArgs {
    /** The security (audit) account that becomes GuardDuty's delegated administrator: 12 digits, as a string. */
    securityAccountId: string;
    /**
     * Provider of the security account, in the same region as the component's own provider (the
     * management account's, `opts.provider`): delegated administration is per region.
     */
    securityAccountProvider: aws.Provider;
    /**
     * Protection plans enabled on the administrator's own detector and auto-enabled (`ALL`) for every
     * account of the organisation; default: every plan of `GUARDDUTY_FEATURES`. A plan not listed is
     * declared `DISABLED` on the detector and `NONE` in the organisation configuration rather than
     * left out (AWS would enable it on a new detector); `NONE` stops auto-enabling, it does not turn
     * the plan off in accounts that already have it.
     */
    features?: readonly GuardDutyFeature[];
    /** How often the administrator's detector publishes updates of recurring findings; default `FIFTEEN_MINUTES`. */
    findingPublishingFrequency?: FindingPublishingFrequency;
    /** Lowercase prefix of the detector's `Name` tag (`<prefix>-guardduty`); default `zero-trust`. */
    namePrefix?: string;
}

/** The arguments with defaults applied, after validation. */
export interface ValidGuardDutyOrganizationArgs {
    securityAccountId: string;
    features: readonly GuardDutyFeature[];
    findingPublishingFrequency: FindingPublishingFrequency;
    namePrefix: string;
}

/**
 * Validates the arguments (one-line error naming the argument) and applies the defaults;
 * `featuresParameter` is the name the caller gave the features argument.
 */
export function validGuardDutyOrganizationArgs(
    args: GuardDutyOrganizationArgs,
    featuresParameter = "features",
): ValidGuardDutyOrganizationArgs {
    const securityAccountId = validAccountId("securityAccountId", args.securityAccountId);
    return {
        securityAccountId,
        features: args.features === undefined ? GUARDDUTY_FEATURES : validGuardDutyFeatures(featuresParameter, args.features),
        findingPublishingFrequency: validChoice(
            "findingPublishingFrequency",
            args.findingPublishingFrequency,
            FINDING_PUBLISHING_FREQUENCIES,
            "FIFTEEN_MINUTES",
        ),
        namePrefix: validNamePrefix("namePrefix", args.namePrefix),
    };
}

/** `RUNTIME_MONITORING` → `runtime-monitoring` (resource names). */
const slug = (feature: string): string => feature.toLowerCase().replace(/_/g, "-");

/**
 * GuardDuty for the whole organisation, administered from the security account, in the providers' region.
 *
 * In AWS's documented order:
 * 1. the security account's own detector (`GuardDutyDetector`: enabled, protected, its protection
 *    plans as detector features — the organisation configuration covers member accounts, not the
 *    administrator's own detector);
 * 2. the management account designates the security account as delegated administrator
 *    (`guardduty.OrganizationAdminAccount`, after the detector; it also registers the account as
 *    GuardDuty's delegated administrator in Organizations, so no `DelegatedAdministrator` is
 *    declared for guardduty.amazonaws.com — it would collide);
 * 3. as administrator, the security account auto-enables GuardDuty for ALL accounts of the
 *    organisation, existing ones included (`guardduty.OrganizationConfiguration`), then each
 *    protection plan (`guardduty.OrganizationConfigurationFeature`). Both need the designation.
 *    Each feature write re-sends the organisation's current auto-enable setting, so the features
 *    also wait for the organisation configuration rather than race it.
 *
 * The designation is protected: removing it silently ends organisation-wide threat detection (the
 * members leave the administrator's view) with no error anywhere. The organisation configuration
 * and its features are not: deleting them changes nothing in AWS (the provider only forgets them).
 */
export class GuardDutyOrganization extends pulumi.ComponentResource {
    /** Id of the administrator's detector in the security account. */
    public readonly detectorId: pulumi.Output<string>;
    /** The delegated administrator's account id, once the designation exists. */
    public readonly delegatedAdminAccountId: pulumi.Output<string>;

    constructor(name: string, args: GuardDutyOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        const valid = validGuardDutyOrganizationArgs(args);
        const { management, security } = validProviders(args.securityAccountProvider, opts);

        super("zero-trust:security-services:GuardDutyOrganization", name, {}, opts);

        const admin = new GuardDutyDetector(
            `${name}-admin`,
            { environment: valid.namePrefix, features: valid.features, findingPublishingFrequency: valid.findingPublishingFrequency },
            { parent: this, provider: security },
        );

        const delegation = new aws.guardduty.OrganizationAdminAccount(
            `${name}-delegation`,
            { adminAccountId: valid.securityAccountId },
            { parent: this, provider: management, protect: true, dependsOn: [admin] },
        );

        const organization = new aws.guardduty.OrganizationConfiguration(
            `${name}-organization`,
            { detectorId: admin.detectorId, autoEnableOrganizationMembers: "ALL" },
            { parent: this, provider: security, dependsOn: [delegation] },
        );

        for (const feature of GUARDDUTY_FEATURES) {
            const autoEnable = valid.features.includes(feature) ? "ALL" : "NONE";
            new aws.guardduty.OrganizationConfigurationFeature(
                `${name}-organization-${slug(feature)}`,
                {
                    detectorId: admin.detectorId,
                    name: feature,
                    autoEnable,
                    // GuardDuty deploys and updates its own agents wherever Runtime Monitoring is on.
                    ...(feature === "RUNTIME_MONITORING"
                        ? { additionalConfigurations: RUNTIME_MONITORING_AGENT_MANAGEMENT.map((agent) => ({ name: agent, autoEnable })) }
                        : {}),
                },
                { parent: this, provider: security, dependsOn: [delegation, organization] },
            );
        }

        this.detectorId = admin.detectorId;
        this.delegatedAdminAccountId = delegation.adminAccountId;
        this.registerOutputs({ detectorId: this.detectorId, delegatedAdminAccountId: this.delegatedAdminAccountId });
    }
}
