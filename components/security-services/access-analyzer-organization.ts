import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validAccountId } from "../../validation/aws-identifiers";
import { validLinkedProviders, validNamePrefix, validProviders, type RegionalAccountProvider } from "./security-services-args";

/** IAM Access Analyzer's service principal, as Organizations registers delegated administrators. */
export const ACCESS_ANALYZER_SERVICE_PRINCIPAL = "access-analyzer.amazonaws.com";

export interface AccessAnalyzerOrganizationArgs {
    /** The security (audit) account that becomes IAM Access Analyzer's delegated administrator: 12 digits, as a string. */
    securityAccountId: string;
    /** Provider of the security account (the analyzer is regional: the region of the provider). */
    securityAccountProvider: aws.Provider;
    /** Lowercase prefix of the analyzer's name (`<prefix>-organization`); default `zero-trust`. */
    namePrefix?: string;
    /**
     * The security account's providers in the organisation's other regions: an analyzer is
     * regional and sees only its region's resources, so each gets one. The delegation is global
     * (Organizations) and declared once.
     */
    linkedRegions?: readonly RegionalAccountProvider[];
}

/** The arguments with defaults applied, after validation. */
export interface ValidAccessAnalyzerOrganizationArgs {
    securityAccountId: string;
    namePrefix: string;
}

/** Validates the arguments (one-line error naming the argument) and applies the defaults. */
export function validAccessAnalyzerOrganizationArgs(args: AccessAnalyzerOrganizationArgs): ValidAccessAnalyzerOrganizationArgs {
    return {
        securityAccountId: validAccountId("securityAccountId", args.securityAccountId),
        namePrefix: validNamePrefix("namePrefix", args.namePrefix),
    };
}

/**
 * IAM Access Analyzer with the organisation as zone of trust: the management account registers
 * the security account as Access Analyzer's delegated administrator in Organizations (Access
 * Analyzer has no designation API of its own), then the security account creates an ORGANIZATION
 * analyzer, which AWS refuses from an account that is neither the management account nor the
 * delegated administrator — hence after the delegation. The account analyzers of the environment
 * baselines stay: they report access from outside each account, this one from outside the organisation.
 *
 * The delegation is protected (removing it silently deletes the organisation's view of external
 * access); the analyzer is not (a new one rescans the organisation and finds the same).
 */
export class AccessAnalyzerOrganization extends pulumi.ComponentResource {
    /** ARN of the organisation analyzer in the security account. */
    public readonly analyzerArn: pulumi.Output<string>;
    /** ARNs of the analyzers of the linked regions, by region. */
    public readonly linkedAnalyzerArns: Readonly<Record<string, pulumi.Output<string>>>;
    /** The delegated administrator's account id, once the delegation exists. */
    public readonly delegatedAdminAccountId: pulumi.Output<string>;

    constructor(name: string, args: AccessAnalyzerOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        const valid = validAccessAnalyzerOrganizationArgs(args);
        const { management, security } = validProviders(args.securityAccountProvider, opts);
        const linked = validLinkedProviders("linkedRegions", args.linkedRegions, management);

        super("zero-trust:security-services:AccessAnalyzerOrganization", name, {}, opts);

        const delegation = new aws.organizations.DelegatedAdministrator(
            `${name}-delegation`,
            { accountId: valid.securityAccountId, servicePrincipal: ACCESS_ANALYZER_SERVICE_PRINCIPAL },
            { parent: this, provider: management, protect: true },
        );

        const analyzerIn = (suffix: string, provider: aws.Provider) =>
            new aws.accessanalyzer.Analyzer(
                `${name}-analyzer${suffix}`,
                {
                    analyzerName: `${valid.namePrefix}-organization`,
                    type: "ORGANIZATION",
                    tags: { Name: `${valid.namePrefix}-organization-access-analyzer` },
                },
                { parent: this, provider, dependsOn: [delegation] },
            );
        const analyzer = analyzerIn("", security);
        this.linkedAnalyzerArns = Object.fromEntries(
            linked.map(({ region, provider }) => [region, analyzerIn(`-${region}`, provider).arn]),
        );

        this.analyzerArn = analyzer.arn;
        this.delegatedAdminAccountId = delegation.accountId;
        this.registerOutputs({
            analyzerArn: this.analyzerArn,
            linkedAnalyzerArns: this.linkedAnalyzerArns,
            delegatedAdminAccountId: this.delegatedAdminAccountId,
        });
    }
}
