import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { DelegatedSecurityAdministration, type LinkedRegion } from "../../components/security-services/delegated-security-administration";
import { SecurityHubOrganization } from "../../components/security-services/security-hub-organization";
import { componentStackConfig, dependenciesOf, RecordingMocks, type Registration } from "../network/recording-mocks";
import { argsFor, MANAGEMENT_ACCOUNT, providers, REGION, SECURITY_ACCOUNT, T } from "./build";

const LINKED = "eu-central-1";

/** The two accounts' providers in the linked region. */
function linkedProviders(region = LINKED): LinkedRegion {
    return {
        region,
        managementProvider: new aws.Provider(`management-${region}`, { region, allowedAccountIds: [MANAGEMENT_ACCOUNT] }),
        securityAccountProvider: new aws.Provider(`security-${region}`, {
            region,
            allowedAccountIds: [SECURITY_ACCOUNT],
            assumeRoles: [{ roleArn: `arn:aws:iam::${SECURITY_ACCOUNT}:role/OrganizationAccountAccessRole` }],
        }),
    };
}

const through = (mocks: RecordingMocks, type: string, provider: string): Registration[] =>
    mocks.ofType(type).filter((r) => r.provider === mocks.providerReference(provider));

describe("DelegatedSecurityAdministration with a linked region", () => {
    let mocks: RecordingMocks;
    let component: DelegatedSecurityAdministration;
    before(async () => {
        const recording = RecordingMocks.install(componentStackConfig("management", REGION));
        const { management, security } = providers();
        component = new DelegatedSecurityAdministration(
            "security-services",
            {
                ...argsFor(security, { findingAggregatorLinkingMode: "SPECIFIED_REGIONS", findingAggregatorRegions: [LINKED] }),
                linkedRegions: [linkedProviders()],
            },
            { provider: management },
        );
        mocks = await recording.settled();
    });

    it("designates the security account for GuardDuty and Security Hub in the linked region too, from the management account's provider there, protected", () => {
        for (const type of [T.guardDutyAdmin, T.hubAdmin]) {
            const [designation, ...others] = through(mocks, type, `management-${LINKED}`);
            assert.deepStrictEqual(others, [], type);
            assert.deepStrictEqual([designation.inputs.adminAccountId, designation.protect], [SECURITY_ACCOUNT, true], type);
        }
    });

    it("auto-enables GuardDuty and every protection plan for ALL members in the linked region (the organisation configuration is regional)", () => {
        const [organization] = through(mocks, T.guardDutyOrganization, `security-${LINKED}`);
        assert.strictEqual(organization.inputs.autoEnableOrganizationMembers, "ALL");
        assert.deepStrictEqual(
            through(mocks, T.guardDutyOrganizationFeature, `security-${LINKED}`).map((f) => f.inputs.autoEnable),
            Array(6).fill("ALL"),
        );
        assert.strictEqual(through(mocks, T.detector, `security-${LINKED}`).length, 1);
    });

    it("enables Security Hub and configures the organisation there, but keeps the only aggregator at home, linking the region", () => {
        assert.strictEqual(through(mocks, T.hub, `security-${LINKED}`).length, 1);
        assert.strictEqual(through(mocks, T.hubOrganization, `security-${LINKED}`).length, 1);
        const [aggregator, ...others] = mocks.ofType(T.aggregator);
        assert.deepStrictEqual(others, []);
        assert.deepStrictEqual([aggregator.provider, aggregator.inputs.specifiedRegions], [mocks.providerReference("security"), [LINKED]]);
    });

    it("creates an organisation analyzer in the linked region after the one (global) Organizations delegation", () => {
        const [analyzer, ...others] = through(mocks, T.analyzer, `security-${LINKED}`);
        assert.deepStrictEqual(others, []);
        assert.strictEqual(analyzer.inputs.type, "ORGANIZATION");
        const [delegation, ...more] = mocks.ofType(T.delegatedAdministrator);
        assert.deepStrictEqual(more, []);
        assert.ok(dependenciesOf(mocks, analyzer.name).includes(delegation.urn));
    });

    it("exports the detector ids and analyzer ARNs by region", () => {
        const outputs = mocks.ofType(T.administration)[0].outputs as {
            guardDutyDetectorIds: Record<string, unknown>;
            organizationAnalyzerArns: Record<string, unknown>;
        };
        assert.deepStrictEqual(outputs.guardDutyDetectorIds, {
            [REGION]: through(mocks, T.detector, "security")[0].id,
            [LINKED]: through(mocks, T.detector, `security-${LINKED}`)[0].id,
        });
        assert.deepStrictEqual(Object.keys(outputs.organizationAnalyzerArns).sort(), [LINKED, REGION]);
        assert.ok(component.guardDutyDetectorIds[LINKED] !== undefined);
    });
});

describe("linked regions: refusals before anything is declared", () => {
    const cases: [string, (management: aws.Provider, security: aws.Provider) => void, RegExp][] = [
        [
            "the component's own region as a linked region",
            (management, security) =>
                new DelegatedSecurityAdministration(
                    "s",
                    { ...argsFor(security), linkedRegions: [linkedProviders(REGION)] },
                    { provider: management },
                ),
            /^linkedRegions\[0\]\.region: "eu-west-1" is not a region other than region \(eu-west-1\)/,
        ],
        [
            "a linked region twice",
            (management, security) =>
                new DelegatedSecurityAdministration(
                    "s",
                    { ...argsFor(security), linkedRegions: [linkedProviders(), linkedProviders()] },
                    { provider: management },
                ),
            /^linkedRegions: "eu-central-1" is listed twice$/,
        ],
        [
            "the management provider as a linked region's security provider",
            (management, security) =>
                new DelegatedSecurityAdministration(
                    "s",
                    { ...argsFor(security), linkedRegions: [{ ...linkedProviders(), securityAccountProvider: management }] },
                    { provider: management },
                ),
            /^linkedRegions\[0\]\.provider: .* is not an aws\.Provider of the security account in that region$/,
        ],
        [
            "an aggregator in a linked region",
            (management, security) =>
                new SecurityHubOrganization(
                    "s",
                    {
                        securityAccountId: SECURITY_ACCOUNT,
                        securityAccountProvider: security,
                        region: LINKED,
                        aggregateFindings: false,
                        findingAggregatorLinkingMode: "ALL_REGIONS",
                    },
                    { provider: management },
                ),
            /^findingAggregatorLinkingMode: "ALL_REGIONS" given with aggregateFindings false \(expected none: a linked region has no aggregator\)$/,
        ],
    ];
    for (const [what, construct, message] of cases) {
        it(`refuses ${what}`, async () => {
            const failing = RecordingMocks.install(componentStackConfig("management", REGION));
            const { management, security } = providers();
            assert.throws(
                () => construct(management, security),
                (err: Error) => message.test(err.message) && !err.message.includes("\n"),
            );
            await failing.settled();
            assert.deepStrictEqual(
                failing.registrations.filter((r) => !r.type.startsWith("pulumi:providers:")).map((r) => r.type),
                [],
            );
        });
    }

    it("a linked region's Security Hub has no aggregator", async () => {
        const recording = RecordingMocks.install(componentStackConfig("management", REGION));
        const { management, security } = providers();
        const hub = new SecurityHubOrganization(
            "linked",
            { securityAccountId: SECURITY_ACCOUNT, securityAccountProvider: security, region: LINKED, aggregateFindings: false },
            { provider: management },
        );
        const mocks = await recording.settled();
        assert.deepStrictEqual([mocks.ofType(T.aggregator).length, mocks.ofType(T.hub).length, hub.aggregatorArn], [0, 1, undefined]);
    });
});
