import * as assert from "assert";
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { AccessAnalyzerOrganization } from "../../components/security-services/access-analyzer-organization";
import {
    DelegatedSecurityAdministration,
    type DelegatedSecurityAdministrationArgs,
} from "../../components/security-services/delegated-security-administration";
import { GuardDutyOrganization } from "../../components/security-services/guardduty-organization";
import { SecurityHubOrganization } from "../../components/security-services/security-hub-organization";
import { componentStackConfig, only, RecordingMocks, valueOf } from "../network/recording-mocks";
import { argsFor, build, providers, REGION, SECURITY_ACCOUNT, T, type Built } from "./build";

/**
 * Which account each AWS resource of the default build lands in, written out by name: the three
 * designations in the management account, everything else in the security account. A resource
 * added without an entry here fails the provider test.
 */
const ACCOUNT_OF: Record<string, "management" | "security"> = {
    "security-services-guardduty-admin-detector": "security",
    "security-services-guardduty-admin-s3-data-events": "security",
    "security-services-guardduty-admin-eks-audit-logs": "security",
    "security-services-guardduty-admin-ebs-malware-protection": "security",
    "security-services-guardduty-admin-rds-login-events": "security",
    "security-services-guardduty-admin-runtime-monitoring": "security",
    "security-services-guardduty-admin-lambda-network-logs": "security",
    "security-services-guardduty-delegation": "management",
    "security-services-guardduty-organization": "security",
    "security-services-guardduty-organization-s3-data-events": "security",
    "security-services-guardduty-organization-eks-audit-logs": "security",
    "security-services-guardduty-organization-ebs-malware-protection": "security",
    "security-services-guardduty-organization-rds-login-events": "security",
    "security-services-guardduty-organization-runtime-monitoring": "security",
    "security-services-guardduty-organization-lambda-network-logs": "security",
    "security-services-security-hub-account": "security",
    "security-services-security-hub-delegation": "management",
    "security-services-security-hub-aggregator": "security",
    "security-services-security-hub-organization": "security",
    "security-services-access-analyzer-delegation": "management",
    "security-services-access-analyzer-analyzer": "security",
};

/** Names of the resources that must be protected, and only those. */
const PROTECTED = [
    "security-services-guardduty-admin-detector",
    "security-services-guardduty-delegation",
    "security-services-security-hub-account",
    "security-services-security-hub-delegation",
    "security-services-access-analyzer-delegation",
];

describe("DelegatedSecurityAdministration", () => {
    let built: Built;
    let mocks: RecordingMocks;
    before(async () => {
        built = await build();
        mocks = built.mocks;
    });

    describe("providers", () => {
        it("sends every AWS resource through the management or the security provider, as the account table says, never the default one", () => {
            const resources = mocks.registrations.filter((r) => r.type.startsWith("aws:"));
            assert.deepStrictEqual(resources.map((r) => r.name).sort(), Object.keys(ACCOUNT_OF).sort());
            const reference = { management: mocks.providerReference("management"), security: mocks.providerReference("security") };
            assert.notStrictEqual(reference.management, reference.security);
            for (const resource of resources) {
                assert.strictEqual(resource.provider, reference[ACCOUNT_OF[resource.name]], `${resource.type} ${resource.name}`);
            }
        });

        it("puts exactly the three designations into the management account", () => {
            const managed = Object.entries(ACCOUNT_OF)
                .filter(([, account]) => account === "management")
                .map(([name]) => mocks.named(name).type);
            assert.deepStrictEqual(managed.sort(), [T.guardDutyAdmin, T.hubAdmin, T.delegatedAdministrator].sort());
        });

        it("places the security account's resources in that account and region (ARNs from the provider)", () => {
            for (const type of [T.detector, T.aggregator, T.analyzer, T.hub]) {
                assert.match(String(only(mocks, type).outputs.arn), new RegExp(`^arn:aws:[a-z-]+:${REGION}:${SECURITY_ACCOUNT}:`), type);
            }
        });
    });

    describe("components", () => {
        it("is one zero-trust:security-services:DelegatedSecurityAdministration with one component per service under it", () => {
            const root = only(mocks, T.administration);
            assert.strictEqual(root.name, "security-services");
            const children = mocks.registrations
                .filter((r) => r.parent === root.urn)
                .map((r) => `${r.type} ${r.name}`)
                .sort();
            assert.deepStrictEqual(children, [
                `${T.accessAnalyzer} security-services-access-analyzer`,
                `${T.guardDuty} security-services-guardduty`,
                `${T.securityHub} security-services-security-hub`,
            ]);
        });

        it("parents every AWS resource to its service's component (the detector and its features through the reused GuardDutyDetector)", () => {
            const parentOf = (component: string): string => only(mocks, component).urn;
            const detectorComponent = only(mocks, T.detectorComponent);
            assert.strictEqual(detectorComponent.parent, parentOf(T.guardDuty));
            for (const r of mocks.registrations.filter((x) => x.type.startsWith("aws:"))) {
                const expected =
                    r.type === T.detector || r.type === T.detectorFeature
                        ? detectorComponent.urn
                        : r.name.startsWith("security-services-guardduty-")
                          ? parentOf(T.guardDuty)
                          : r.name.startsWith("security-services-security-hub-")
                            ? parentOf(T.securityHub)
                            : parentOf(T.accessAnalyzer);
                assert.strictEqual(r.parent, expected, r.name);
            }
        });

        it("protects the detector, the Security Hub account and the three designations, and nothing else", () => {
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.protect)
                    .map((r) => r.name)
                    .sort(),
                [...PROTECTED].sort(),
            );
        });

        it("declares no Organizations delegation for GuardDuty or Security Hub: their own designation APIs register it", () => {
            const delegations = mocks.ofType(T.delegatedAdministrator);
            assert.deepStrictEqual(
                delegations.map((d) => d.inputs.servicePrincipal),
                ["access-analyzer.amazonaws.com"],
            );
        });
    });

    describe("outputs", () => {
        it("exposes the detector id, the aggregator and analyzer ARNs and the delegated administrator", async () => {
            const { component } = built;
            assert.strictEqual(await valueOf(component.guardDutyDetectorId), only(mocks, T.detector).id);
            assert.strictEqual(await valueOf(component.securityHubAggregatorArn), only(mocks, T.aggregator).outputs.arn);
            assert.strictEqual(await valueOf(component.organizationAnalyzerArn), only(mocks, T.analyzer).outputs.arn);
            assert.strictEqual(await valueOf(component.delegatedAdminAccountId), SECURITY_ACCOUNT);
        });

        it("registers the same outputs on the component", () => {
            assert.deepStrictEqual(only(mocks, T.administration).outputs, {
                guardDutyDetectorId: only(mocks, T.detector).id,
                guardDutyDetectorIds: { [REGION]: only(mocks, T.detector).id },
                organizationAnalyzerArns: { [REGION]: only(mocks, T.analyzer).outputs.arn },
                securityHubAggregatorArn: only(mocks, T.aggregator).outputs.arn,
                organizationAnalyzerArn: only(mocks, T.analyzer).outputs.arn,
                delegatedAdminAccountId: SECURITY_ACCOUNT,
            });
        });
    });

    describe("rejects bad arguments before declaring anything, in one line naming the argument", () => {
        type Case = [string, (management: aws.Provider, security: aws.Provider) => void, RegExp];
        const withArgs =
            (overrides: Partial<Record<keyof DelegatedSecurityAdministrationArgs, unknown>>) =>
            (management: aws.Provider, security: aws.Provider): void => {
                new DelegatedSecurityAdministration(
                    "security-services",
                    { ...argsFor(security), ...overrides } as DelegatedSecurityAdministrationArgs,
                    { provider: management },
                );
            };
        const cases: Case[] = [
            [
                "a short account id",
                withArgs({ securityAccountId: "22222222222" }),
                /^securityAccountId: "22222222222" is not an AWS account id \(12 digits, as a string\)/,
            ],
            [
                "an account id given as a number",
                withArgs({ securityAccountId: 222222222222 }),
                /^securityAccountId: 222222222222 is not an AWS account id/,
            ],
            [
                "a region that is no region",
                withArgs({ region: "europe" }),
                /^region: "europe" is not an AWS region code of the aws partition \(like eu-west-1\)/,
            ],
            [
                "a protection plan GuardDuty does not know here",
                withArgs({ guardDutyFeatures: ["S3_DATA_EVENTS", "EKS_RUNTIME_MONITORING"] }),
                /^guardDutyFeatures: "EKS_RUNTIME_MONITORING" is not a GuardDuty protection plan \(expected one of S3_DATA_EVENTS, /,
            ],
            [
                "a protection plan listed twice",
                withArgs({ guardDutyFeatures: ["S3_DATA_EVENTS", "S3_DATA_EVENTS"] }),
                /^guardDutyFeatures: "S3_DATA_EVENTS" is listed twice$/,
            ],
            [
                "protection plans that are not a list",
                withArgs({ guardDutyFeatures: "ALL" }),
                /^guardDutyFeatures: "ALL" is not a list of GuardDuty protection plans/,
            ],
            [
                "a publishing frequency GuardDuty refuses",
                withArgs({ findingPublishingFrequency: "FIVE_MINUTES" }),
                /^findingPublishingFrequency: "FIVE_MINUTES" is not one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS$/,
            ],
            [
                "an unknown linking mode",
                withArgs({ findingAggregatorLinkingMode: "SOME_REGIONS" }),
                /^findingAggregatorLinkingMode: "SOME_REGIONS" is not one of ALL_REGIONS, ALL_REGIONS_EXCEPT_SPECIFIED, SPECIFIED_REGIONS, NO_REGIONS$/,
            ],
            [
                "regions with NO_REGIONS",
                withArgs({ findingAggregatorLinkingMode: "NO_REGIONS", findingAggregatorRegions: ["us-east-1"] }),
                /^findingAggregatorRegions: \["us-east-1"\] given with findingAggregatorLinkingMode NO_REGIONS \(expected none: no region is linked\)$/,
            ],
            [
                "SPECIFIED_REGIONS without regions",
                withArgs({ findingAggregatorLinkingMode: "SPECIFIED_REGIONS" }),
                /^findingAggregatorRegions: undefined with findingAggregatorLinkingMode SPECIFIED_REGIONS \(expected a non-empty list of regions\)$/,
            ],
            [
                "ALL_REGIONS_EXCEPT_SPECIFIED with an empty list",
                withArgs({ findingAggregatorLinkingMode: "ALL_REGIONS_EXCEPT_SPECIFIED", findingAggregatorRegions: [] }),
                /^findingAggregatorRegions: \[\] with findingAggregatorLinkingMode ALL_REGIONS_EXCEPT_SPECIFIED/,
            ],
            [
                "regions with ALL_REGIONS",
                withArgs({ findingAggregatorRegions: ["us-east-1"] }),
                /^findingAggregatorRegions: \["us-east-1"\] given with findingAggregatorLinkingMode ALL_REGIONS \(expected none/,
            ],
            [
                "the aggregation region among the linked ones",
                withArgs({ findingAggregatorLinkingMode: "SPECIFIED_REGIONS", findingAggregatorRegions: ["us-east-1", REGION] }),
                /^findingAggregatorRegions: "eu-west-1" is the aggregation region itself \(region\)/,
            ],
            [
                "a linked region that is no region",
                withArgs({ findingAggregatorLinkingMode: "SPECIFIED_REGIONS", findingAggregatorRegions: ["mars-north-1"] }),
                /^findingAggregatorRegions: "mars-north-1" is not an AWS region/,
            ],
            [
                "a linked region listed twice",
                withArgs({ findingAggregatorLinkingMode: "SPECIFIED_REGIONS", findingAggregatorRegions: ["us-east-1", "us-east-1"] }),
                /^findingAggregatorRegions: "us-east-1" is listed twice$/,
            ],
            [
                "a Security Hub member that is no account id",
                withArgs({ securityHubMemberAccountIds: { staging: "1111" } }),
                /^securityHubMemberAccountIds\.staging: "1111" is not an AWS account id/,
            ],
            [
                "the security account as its own Security Hub member",
                withArgs({ securityHubMemberAccountIds: { security: SECURITY_ACCOUNT } }),
                /^securityHubMemberAccountIds\.security: "222222222222" is not a member account \(this is the administrator/,
            ],
            [
                "a Security Hub member listed twice",
                withArgs({ securityHubMemberAccountIds: { staging: "111111111111", prod: "111111111111" } }),
                /^securityHubMemberAccountIds: "111111111111" is listed twice$/,
            ],
            [
                "a name prefix with capitals and a space",
                withArgs({ namePrefix: "Zero Trust" }),
                /^namePrefix: "Zero Trust" is not a name prefix \(expected 1-40 characters/,
            ],
            [
                "no security account provider",
                withArgs({ securityAccountProvider: undefined }),
                /^securityAccountProvider: undefined is not an aws\.Provider \(expected the security account's provider\)$/,
            ],
            [
                "the management provider as the security account's",
                (management, security) => withArgs({ securityAccountProvider: management })(management, security),
                /^securityAccountProvider: the same provider as opts\.provider \(the management account's\); expected a provider for the security account$/,
            ],
            [
                "no management provider (opts.provider)",
                (_management, security) => {
                    new DelegatedSecurityAdministration("security-services", argsFor(security));
                },
                /^opts\.provider: undefined is missing; expected the management account's aws\.Provider \(default providers are disabled\)$/,
            ],
        ];
        for (const [what, construct, message] of cases) {
            it(`rejects ${what}`, async () => {
                const failing = RecordingMocks.install(componentStackConfig("management", REGION));
                const { management, security } = providers();
                assert.throws(
                    () => construct(management, security),
                    (err: Error) => {
                        assert.match(err.message, message);
                        assert.ok(!err.message.includes("\n"), "one line");
                        return true;
                    },
                );
                await failing.settled();
                assert.deepStrictEqual(
                    failing.registrations.filter((r) => !r.type.startsWith("pulumi:providers:")).map((r) => r.type),
                    [],
                );
            });
        }
    });

    describe("each service's component used alone", () => {
        type Standalone = (name: string, security: aws.Provider, opts: pulumi.ComponentResourceOptions) => void;
        const standalone: [string, Standalone, string][] = [
            [
                "GuardDutyOrganization",
                (name, security, opts) =>
                    new GuardDutyOrganization(name, { securityAccountId: SECURITY_ACCOUNT, securityAccountProvider: security }, opts),
                T.guardDutyAdmin,
            ],
            [
                "SecurityHubOrganization",
                (name, security, opts) =>
                    new SecurityHubOrganization(
                        name,
                        { securityAccountId: SECURITY_ACCOUNT, securityAccountProvider: security, region: REGION },
                        opts,
                    ),
                T.hubAdmin,
            ],
            [
                "AccessAnalyzerOrganization",
                (name, security, opts) =>
                    new AccessAnalyzerOrganization(name, { securityAccountId: SECURITY_ACCOUNT, securityAccountProvider: security }, opts),
                T.delegatedAdministrator,
            ],
        ];
        for (const [component, construct, designation] of standalone) {
            it(`${component}: the designation through opts.provider, everything else through the security provider`, async () => {
                const alone = RecordingMocks.install(componentStackConfig("management", REGION));
                const { management, security } = providers();
                construct("alone", security, { provider: management });
                await alone.settled();
                const resources = alone.registrations.filter((r) => r.type.startsWith("aws:"));
                assert.ok(resources.length >= 2);
                for (const r of resources) {
                    const expected = r.type === designation ? "management" : "security";
                    assert.strictEqual(r.provider, alone.providerReference(expected), `${r.type} ${r.name}`);
                }
            });

            it(`${component}: refuses to run without opts.provider, declaring nothing`, async () => {
                const alone = RecordingMocks.install(componentStackConfig("management", REGION));
                const { security } = providers();
                assert.throws(() => construct("alone", security, {}), /^Error: opts\.provider: undefined is missing/);
                await alone.settled();
                assert.deepStrictEqual(
                    alone.registrations.filter((r) => !r.type.startsWith("pulumi:providers:")),
                    [],
                );
            });
        }
    });
});
