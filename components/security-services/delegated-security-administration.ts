import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { FindingPublishingFrequency, GuardDutyFeature } from "../detection/guardduty-features";
import { AccessAnalyzerOrganization, validAccessAnalyzerOrganizationArgs } from "./access-analyzer-organization";
import { GuardDutyOrganization, validGuardDutyOrganizationArgs } from "./guardduty-organization";
import { SecurityHubOrganization, validSecurityHubOrganizationArgs, type FindingAggregatorLinkingMode } from "./security-hub-organization";
import { fail } from "../../validation/argument-error";
import { validLinkedProviders, validProviders } from "./security-services-args";

/** The two accounts' providers in one of the organisation's other regions. */
export interface LinkedRegion {
    /** The region (never the component's own `region`). */
    readonly region: string;
    /** The management account's provider in that region (the designations). */
    readonly managementProvider: aws.Provider;
    /** The security account's provider in that region (everything else). */
    readonly securityAccountProvider: aws.Provider;
}

export interface DelegatedSecurityAdministrationArgs {
    /** The security (audit) account that administers GuardDuty, Security Hub and IAM Access Analyzer: 12 digits, as a string. */
    securityAccountId: string;
    /**
     * Provider of the security account (it assumes a role there and allows only that account). The
     * component's own provider (`opts.provider`) is the management account's; both in `region`.
     */
    securityAccountProvider: aws.Provider;
    /** The region of both providers: where the services are delegated and findings are aggregated. */
    region: string;
    /**
     * GuardDuty protection plans, on the administrator's detector and auto-enabled for every account
     * of the organisation; default: all of `GUARDDUTY_FEATURES`.
     */
    guardDutyFeatures?: readonly GuardDutyFeature[];
    /** How often the administrator's detector publishes updates of recurring findings; default `FIFTEEN_MINUTES`. */
    findingPublishingFrequency?: FindingPublishingFrequency;
    /** Regions whose Security Hub findings go to `region`; default `ALL_REGIONS`. */
    findingAggregatorLinkingMode?: FindingAggregatorLinkingMode;
    /** The regions of `SPECIFIED_REGIONS` / `ALL_REGIONS_EXCEPT_SPECIFIED` (never `region`); none with `ALL_REGIONS`. */
    findingAggregatorRegions?: readonly string[];
    /** Existing accounts Security Hub's administrator associates as members, by key → id (see `SecurityHubOrganizationArgs`); default none. */
    securityHubMemberAccountIds?: Readonly<Record<string, string>>;
    /** Lowercase prefix of names and `Name` tags in the security account; default `zero-trust`. */
    namePrefix?: string;
    /**
     * The organisation's other regions, with both accounts' providers there. GuardDuty's and
     * Security Hub's designations, GuardDuty's organisation configuration (auto-enable and
     * protection plans), Security Hub and IAM Access Analyzer's analyzers are all per region, so
     * each linked region gets its own; the finding aggregator stays in `region` and links them.
     */
    linkedRegions?: readonly LinkedRegion[];
}

/**
 * Delegated administration of the organisation's security services to the security account, in
 * the providers' region: GuardDuty (`GuardDutyOrganization`), Security Hub
 * (`SecurityHubOrganization`) and IAM Access Analyzer (`AccessAnalyzerOrganization`), one
 * component per service, each in its own file and usable alone.
 *
 * This component exists so that the management stack validates every argument of the three before
 * declaring anything (a bad aggregator region must not leave GuardDuty half-delegated) and wires
 * one thing. Management-account resources (the three designations) go through `opts.provider`;
 * everything else through `securityAccountProvider`. Trusted access for the three services
 * (`awsServiceAccessPrincipals` of the organisation) is the organisation resource's job and must
 * exist first.
 */
export class DelegatedSecurityAdministration extends pulumi.ComponentResource {
    /** Id of GuardDuty's detector in the security account (the administrator's). */
    public readonly guardDutyDetectorId: pulumi.Output<string>;
    /** The administrator's detector ids by region (`region` and every linked region). */
    public readonly guardDutyDetectorIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** ARNs of the ORGANIZATION analyzers by region. */
    public readonly organizationAnalyzerArns: Readonly<Record<string, pulumi.Output<string>>>;
    /** ARN of Security Hub's finding aggregator in the security account. */
    public readonly securityHubAggregatorArn: pulumi.Output<string>;
    /** ARN of the ORGANIZATION IAM Access Analyzer in the security account. */
    public readonly organizationAnalyzerArn: pulumi.Output<string>;
    /** The delegated administrator (the security account), once all three services are delegated to it. */
    public readonly delegatedAdminAccountId: pulumi.Output<string>;

    constructor(name: string, args: DelegatedSecurityAdministrationArgs, opts?: pulumi.ComponentResourceOptions) {
        // Everything validated before anything (this component included) is declared.
        validGuardDutyOrganizationArgs(
            {
                securityAccountId: args.securityAccountId,
                securityAccountProvider: args.securityAccountProvider,
                features: args.guardDutyFeatures,
                findingPublishingFrequency: args.findingPublishingFrequency,
                namePrefix: args.namePrefix,
            },
            "guardDutyFeatures",
        );
        validSecurityHubOrganizationArgs({ ...args, memberAccountIds: args.securityHubMemberAccountIds }, "securityHubMemberAccountIds");
        validAccessAnalyzerOrganizationArgs({ ...args, linkedRegions: undefined });
        const { management, security } = validProviders(args.securityAccountProvider, opts);
        const linkedRegions = args.linkedRegions ?? [];
        const linkedSecurity = validLinkedProviders(
            "linkedRegions",
            linkedRegions.map((linked) => ({ region: linked.region, provider: linked.securityAccountProvider })),
            management,
        );
        linkedRegions.forEach((linked, index) => {
            if (linked.region === args.region) {
                fail(
                    `linkedRegions[${index}].region`,
                    linked.region,
                    `a region other than region (${args.region}), which the component serves itself`,
                );
            }
            validProviders(linked.securityAccountProvider, { provider: linked.managementProvider });
        });

        super("zero-trust:security-services:DelegatedSecurityAdministration", name, {}, opts);

        const children = { parent: this, provider: management };
        const guardDuty = new GuardDutyOrganization(
            `${name}-guardduty`,
            {
                securityAccountId: args.securityAccountId,
                securityAccountProvider: security,
                features: args.guardDutyFeatures,
                findingPublishingFrequency: args.findingPublishingFrequency,
                namePrefix: args.namePrefix,
            },
            children,
        );
        const securityHub = new SecurityHubOrganization(
            `${name}-security-hub`,
            {
                securityAccountId: args.securityAccountId,
                securityAccountProvider: security,
                region: args.region,
                findingAggregatorLinkingMode: args.findingAggregatorLinkingMode,
                findingAggregatorRegions: args.findingAggregatorRegions,
                memberAccountIds: args.securityHubMemberAccountIds,
            },
            children,
        );
        const accessAnalyzer = new AccessAnalyzerOrganization(
            `${name}-access-analyzer`,
            {
                securityAccountId: args.securityAccountId,
                securityAccountProvider: security,
                namePrefix: args.namePrefix,
                linkedRegions: linkedSecurity,
            },
            children,
        );

        // The linked regions: the same services, named after their region; no aggregator there.
        const linkedDetectorIds = linkedRegions.map((linked) => {
            const inRegion = { parent: this, provider: linked.managementProvider };
            new SecurityHubOrganization(
                `${name}-security-hub-${linked.region}`,
                {
                    securityAccountId: args.securityAccountId,
                    securityAccountProvider: linked.securityAccountProvider,
                    region: linked.region,
                    aggregateFindings: false,
                },
                inRegion,
            );
            const regionalGuardDuty = new GuardDutyOrganization(
                `${name}-guardduty-${linked.region}`,
                {
                    securityAccountId: args.securityAccountId,
                    securityAccountProvider: linked.securityAccountProvider,
                    features: args.guardDutyFeatures,
                    findingPublishingFrequency: args.findingPublishingFrequency,
                    namePrefix: args.namePrefix,
                },
                inRegion,
            );
            return [linked.region, regionalGuardDuty.detectorId] as const;
        });

        this.guardDutyDetectorId = guardDuty.detectorId;
        this.guardDutyDetectorIds = Object.fromEntries([[args.region, guardDuty.detectorId], ...linkedDetectorIds]);
        this.organizationAnalyzerArns = { [args.region]: accessAnalyzer.analyzerArn, ...accessAnalyzer.linkedAnalyzerArns };
        // The home region always aggregates (aggregateFindings is left at its default).
        this.securityHubAggregatorArn = securityHub.aggregatorArn as pulumi.Output<string>;
        this.organizationAnalyzerArn = accessAnalyzer.analyzerArn;
        this.delegatedAdminAccountId = pulumi
            .all([guardDuty.delegatedAdminAccountId, securityHub.delegatedAdminAccountId, accessAnalyzer.delegatedAdminAccountId])
            .apply(([accountId]) => accountId);
        this.registerOutputs({
            guardDutyDetectorId: this.guardDutyDetectorId,
            guardDutyDetectorIds: this.guardDutyDetectorIds,
            organizationAnalyzerArns: this.organizationAnalyzerArns,
            securityHubAggregatorArn: this.securityHubAggregatorArn,
            organizationAnalyzerArn: this.organizationAnalyzerArn,
            delegatedAdminAccountId: this.delegatedAdminAccountId,
        });
    }
}
