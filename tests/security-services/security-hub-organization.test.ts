import * as assert from "assert";
import { dependenciesOf, only, type RecordingMocks } from "../network/recording-mocks";
import { build, SECURITY_ACCOUNT, T } from "./build";

describe("SecurityHubOrganization (through DelegatedSecurityAdministration)", () => {
    describe("with the defaults", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build());
        });

        it("enables Security Hub in the security account without default standards, protected, as the environment baselines do", () => {
            const hub = only(mocks, T.hub);
            assert.deepStrictEqual(
                [hub.inputs.enableDefaultStandards, hub.inputs.autoEnableControls, hub.inputs.controlFindingGenerator, hub.protect],
                [false, true, "SECURITY_CONTROL", true],
            );
            assert.strictEqual(hub.provider, mocks.providerReference("security"));
        });

        it("designates the security account as Security Hub administrator from the management account, protected", () => {
            const delegation = only(mocks, T.hubAdmin);
            assert.deepStrictEqual([delegation.inputs.adminAccountId, delegation.protect], [SECURITY_ACCOUNT, true]);
            assert.strictEqual(delegation.provider, mocks.providerReference("management"));
        });

        it("designates only after Security Hub is enabled in the security account (the designation would enable it and the Account would conflict)", () => {
            assert.ok(dependenciesOf(mocks, only(mocks, T.hubAdmin).name).includes(only(mocks, T.hub).urn));
        });

        it("aggregates findings from ALL_REGIONS into the security account's region, with no region list", () => {
            const aggregator = only(mocks, T.aggregator);
            assert.strictEqual(aggregator.inputs.linkingMode, "ALL_REGIONS");
            assert.strictEqual(aggregator.inputs.specifiedRegions, undefined);
            assert.strictEqual(aggregator.provider, mocks.providerReference("security"));
            assert.strictEqual(aggregator.protect, false);
        });

        it("creates the aggregator once Security Hub is enabled in the account", () => {
            assert.ok(dependenciesOf(mocks, only(mocks, T.aggregator).name).includes(only(mocks, T.hub).urn));
        });

        it("keeps the organisation LOCAL and auto-enables neither Security Hub nor standards (the environment stacks enable both themselves)", () => {
            const organization = only(mocks, T.hubOrganization);
            assert.deepStrictEqual(
                [organization.inputs.autoEnable, organization.inputs.autoEnableStandards, organization.inputs.organizationConfiguration],
                [false, "NONE", { configurationType: "LOCAL" }],
            );
        });

        it("configures the organisation as administrator: in the security account, after the designation", () => {
            const organization = only(mocks, T.hubOrganization);
            assert.strictEqual(organization.provider, mocks.providerReference("security"));
            assert.ok(dependenciesOf(mocks, organization.name).includes(only(mocks, T.hubAdmin).urn));
            assert.strictEqual(organization.protect, false);
        });
    });

    it("associates no member by default: AWS would enable Security Hub in an account whose stack has not yet", async () => {
        const { mocks } = await build();
        assert.deepStrictEqual(mocks.ofType(T.member), []);
    });

    it("associates each existing member account from the security account, after the designation and the organisation configuration, without an invitation", async () => {
        const { mocks } = await build({ securityHubMemberAccountIds: { staging: "111111111111", prod: "333333333333" } });
        const members = mocks.ofType(T.member);
        assert.deepStrictEqual(members.map((m) => [m.name, m.inputs.accountId, m.inputs.invite]).sort(), [
            ["security-services-security-hub-member-prod", "333333333333", false],
            ["security-services-security-hub-member-staging", "111111111111", false],
        ]);
        for (const member of members) {
            assert.strictEqual(member.provider, mocks.providerReference("security"));
            const dependencies = dependenciesOf(mocks, member.name);
            assert.ok(
                dependencies.includes(only(mocks, T.hubAdmin).urn) && dependencies.includes(only(mocks, T.hubOrganization).urn),
                member.name,
            );
        }
    });

    for (const linkingMode of ["SPECIFIED_REGIONS", "ALL_REGIONS_EXCEPT_SPECIFIED"] as const) {
        it(`links the regions given with ${linkingMode}`, async () => {
            const { mocks } = await build({
                findingAggregatorLinkingMode: linkingMode,
                findingAggregatorRegions: ["eu-central-1", "us-east-1"],
            });
            const aggregator = only(mocks, T.aggregator);
            assert.deepStrictEqual(
                [aggregator.inputs.linkingMode, aggregator.inputs.specifiedRegions],
                [linkingMode, ["eu-central-1", "us-east-1"]],
            );
        });
    }

    it("accepts an explicit empty region list with ALL_REGIONS and sends none", async () => {
        const { mocks } = await build({ findingAggregatorLinkingMode: "ALL_REGIONS", findingAggregatorRegions: [] });
        assert.strictEqual(only(mocks, T.aggregator).inputs.specifiedRegions, undefined);
    });
});
