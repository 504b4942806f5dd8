import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, refuseRepeats, show, validChoice } from "../../validation/argument-error";
import { validAccountId, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { validProviders } from "./security-services-args";

/** How the finding aggregator links other regions to the aggregation (home) region. */
export const FINDING_AGGREGATOR_LINKING_MODES = ["ALL_REGIONS", "ALL_REGIONS_EXCEPT_SPECIFIED", "SPECIFIED_REGIONS", "NO_REGIONS"] as const;

/** Linking modes that take no region list: every region, or none but the aggregation region. */
const MODES_WITHOUT_REGIONS: readonly FindingAggregatorLinkingMode[] = ["ALL_REGIONS", "NO_REGIONS"];

/** A linking mode of the Security Hub finding aggregator. */
export type FindingAggregatorLinkingMode = (typeof FINDING_AGGREGATOR_LINKING_MODES)[number];

export interface SecurityHubOrganizationArgs {
    /** The security (audit) account that becomes Security Hub's delegated administrator: 12 digits, as a string. */
    securityAccountId: string;
    /**
     * Provider of the security account, in `region` like the component's own provider (the
     * management account's, `opts.provider`): the designation and the aggregator are per region.
     */
    securityAccountProvider: aws.Provider;
    /** The region of both providers: the aggregation (home) region, never one of the linked regions. */
    region: string;
    /**
     * Which regions send their findings to `region`: `ALL_REGIONS` (default; new regions follow
     * automatically), `ALL_REGIONS_EXCEPT_SPECIFIED` or `SPECIFIED_REGIONS` (with
     * `findingAggregatorRegions`), or `NO_REGIONS` (an organisation that uses one region only).
     */
    findingAggregatorLinkingMode?: FindingAggregatorLinkingMode;
    /**
     * The regions the linking mode names: required (non-empty, no repeats, not `region`) with
     * `SPECIFIED_REGIONS` and `ALL_REGIONS_EXCEPT_SPECIFIED`, refused with `ALL_REGIONS` and `NO_REGIONS`.
     */
    findingAggregatorRegions?: readonly string[];
    /**
     * Existing member accounts the administrator associates (`securityhub.Member`), by a stable key
     * (it names the resource) → 12-digit id; default none. AWS enables Security Hub, with its default
     * standards, in a listed account that has none: list an account once its environment stack has
     * enabled its own hub. Never the security account itself.
     */
    memberAccountIds?: Readonly<Record<string, string>>;
    /**
     * Whether this region aggregates (default true). False in a linked region: Security Hub, the
     * designation and the organisation configuration are per region, the aggregator exists only
     * in the aggregation region; the linking mode and regions are then refused.
     */
    aggregateFindings?: boolean;
}

/** The arguments with defaults applied, after validation. */
export interface ValidSecurityHubOrganizationArgs {
    securityAccountId: string;
    region: string;
    /** Member account ids by key (empty by default). */
    memberAccountIds: Readonly<Record<string, string>>;
    linkingMode: FindingAggregatorLinkingMode;
    /** Undefined with `ALL_REGIONS` and `NO_REGIONS`. */
    specifiedRegions: readonly string[] | undefined;
    /** False in a linked region: no aggregator there. */
    aggregateFindings: boolean;
}

/**
 * Validates the arguments (one-line error naming the argument) and applies the defaults;
 * `membersParameter` is what a wrapping component calls `memberAccountIds`.
 */
export function validSecurityHubOrganizationArgs(
    args: SecurityHubOrganizationArgs,
    membersParameter = "memberAccountIds",
): ValidSecurityHubOrganizationArgs {
    const securityAccountId = validAccountId("securityAccountId", args.securityAccountId);
    const region = validRegion("region", args.region);
    const aggregateFindings = args.aggregateFindings ?? true;
    if (typeof aggregateFindings !== "boolean") {
        fail("aggregateFindings", aggregateFindings, "a boolean (true: this region aggregates; false: a linked region)");
    }
    if (!aggregateFindings && (args.findingAggregatorLinkingMode !== undefined || args.findingAggregatorRegions !== undefined)) {
        const given = args.findingAggregatorLinkingMode ?? args.findingAggregatorRegions;
        throw new Error(
            `findingAggregatorLinkingMode: ${show(given)} given with aggregateFindings false (expected none: a linked region has no aggregator)`,
        );
    }
    const linkingMode = validChoice(
        "findingAggregatorLinkingMode",
        args.findingAggregatorLinkingMode,
        FINDING_AGGREGATOR_LINKING_MODES,
        "ALL_REGIONS",
    );
    const memberAccountIds = validMemberAccountIds(membersParameter, securityAccountId, args.memberAccountIds ?? {});
    const regions = args.findingAggregatorRegions;
    if (MODES_WITHOUT_REGIONS.includes(linkingMode)) {
        if (regions !== undefined && (!Array.isArray(regions) || regions.length > 0)) {
            throw new Error(
                `findingAggregatorRegions: ${show(regions)} given with findingAggregatorLinkingMode ${linkingMode} (expected none: ${linkingMode === "ALL_REGIONS" ? "every region is linked" : "no region is linked"})`,
            );
        }
        return { securityAccountId, region, memberAccountIds, linkingMode, specifiedRegions: undefined, aggregateFindings };
    }
    if (!Array.isArray(regions) || regions.length === 0) {
        throw new Error(
            `findingAggregatorRegions: ${show(regions)} with findingAggregatorLinkingMode ${linkingMode} (expected a non-empty list of regions)`,
        );
    }
    const linked = (regions as unknown[]).map((r) => validRegion("findingAggregatorRegions", r));
    const home = linked.find((r) => r === region);
    if (home !== undefined) {
        throw new Error(`findingAggregatorRegions: ${show(home)} is the aggregation region itself (region); expected only other regions`);
    }
    return {
        securityAccountId,
        region,
        memberAccountIds,
        linkingMode,
        specifiedRegions: refuseRepeats("findingAggregatorRegions", linked),
        aggregateFindings,
    };
}

/** Member accounts by key: keys that can name resources, 12-digit ids listed once, never the administrator's own. */
function validMemberAccountIds(
    parameter: string,
    securityAccountId: string,
    members: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
    for (const [key, id] of Object.entries(members)) {
        validNameKey(parameter, key);
        if (validAccountId(`${parameter}.${key}`, id) === securityAccountId) {
            fail(`${parameter}.${key}`, id, "a member account (this is the administrator, the security account itself)");
        }
    }
    refuseRepeats(parameter, Object.values(members));
    return members;
}

/**
 * Security Hub for the organisation, administered from the security account, with findings of
 * every linked region aggregated into the providers' region.
 *
 * Order (AWS enables Security Hub by itself in an account designated administrator; our
 * `securityhub.Account` would then fail as a conflict, so it comes first):
 * 1. Security Hub in the security account (`securityhub.Account`, no default standards; protected,
 *    as in the environment baselines: disabling Security Hub deletes its findings);
 * 2. the management account designates the security account as administrator
 *    (`securityhub.OrganizationAdminAccount`, after 1; this also registers the delegated
 *    administrator in Organizations, so no `DelegatedAdministrator` is declared for Security Hub);
 * 3. the finding aggregator (needs Security Hub enabled in the account, not the designation) and
 *    the organisation configuration (needs the designation).
 *
 * The organisation configuration is deliberately LOCAL, with `autoEnable: false` and
 * `autoEnableStandards: NONE`:
 * - the environment stacks (`AccountBaseline`) enable Security Hub and subscribe their standards
 *   themselves. Auto-enabling Security Hub in member accounts would have AWS enable it first, and
 *   the environment stack's `securityhub.Account` would then fail with a conflict (Security Hub
 *   already enabled); auto-enabled default standards would duplicate or contradict the standards
 *   the baseline chose.
 * - CENTRAL configuration would move standards and controls to configuration policies of the
 *   administrator and take them away from the member accounts, where the baselines manage them.
 * So member accounts are not associated automatically (auto-enable only ever applies to accounts
 * that join later): the administrator associates the existing ones (`securityhub.Member`, one per
 * `memberAccountIds`, after the designation and the configuration) once their environment stacks
 * have enabled Security Hub. A member is not protected: removing it only ends the association.
 *
 * The designation is protected (removing it silently ends the organisation-wide view); the
 * aggregator and the organisation configuration are not (they hold no findings; deleting the
 * configuration resets it to LOCAL without auto-enable, which is what it is).
 */
export class SecurityHubOrganization extends pulumi.ComponentResource {
    /** ARN of the security account's hub. */
    public readonly hubArn: pulumi.Output<string>;
    /** ARN of the finding aggregator; absent in a linked region (`aggregateFindings: false`). */
    public readonly aggregatorArn?: pulumi.Output<string>;
    /** The delegated administrator's account id, once the designation exists. */
    public readonly delegatedAdminAccountId: pulumi.Output<string>;

    constructor(name: string, args: SecurityHubOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        const valid = validSecurityHubOrganizationArgs(args);
        const { management, security } = validProviders(args.securityAccountProvider, opts);

        super("zero-trust:security-services:SecurityHubOrganization", name, {}, opts);

        const hub = new aws.securityhub.Account(
            `${name}-account`,
            // As the environment baselines: no default standards, consolidated control findings.
            { enableDefaultStandards: false, autoEnableControls: true, controlFindingGenerator: "SECURITY_CONTROL" },
            { parent: this, provider: security, protect: true },
        );

        const delegation = new aws.securityhub.OrganizationAdminAccount(
            `${name}-delegation`,
            { adminAccountId: valid.securityAccountId },
            { parent: this, provider: management, protect: true, dependsOn: [hub] },
        );

        const aggregator = valid.aggregateFindings
            ? new aws.securityhub.FindingAggregator(
                  `${name}-aggregator`,
                  { linkingMode: valid.linkingMode, ...(valid.specifiedRegions ? { specifiedRegions: [...valid.specifiedRegions] } : {}) },
                  { parent: this, provider: security, dependsOn: [hub] },
              )
            : undefined;

        const configuration = new aws.securityhub.OrganizationConfiguration(
            `${name}-organization`,
            {
                // See the class comment: LOCAL, nothing auto-enabled, so the environment stacks keep
                // enabling Security Hub and choosing standards in their own accounts without a conflict.
                autoEnable: false,
                autoEnableStandards: "NONE",
                organizationConfiguration: { configurationType: "LOCAL" },
            },
            { parent: this, provider: security, dependsOn: [hub, delegation] },
        );

        for (const [key, accountId] of Object.entries(valid.memberAccountIds)) {
            new aws.securityhub.Member(
                `${name}-member-${key}`,
                { accountId, invite: false },
                { parent: this, provider: security, dependsOn: [delegation, configuration] },
            );
        }

        this.hubArn = hub.arn;
        if (aggregator !== undefined) {
            this.aggregatorArn = aggregator.arn;
        }
        this.delegatedAdminAccountId = delegation.adminAccountId;
        this.registerOutputs({
            hubArn: this.hubArn,
            aggregatorArn: this.aggregatorArn,
            delegatedAdminAccountId: this.delegatedAdminAccountId,
        });
    }
}
