import * as assert from "assert";
import { AGENT_MANAGEMENT, ALL_FEATURES, byPlan, planFeature } from "../detection/guardduty-plans";
import { dependenciesOf, only, type RecordingMocks } from "../network/recording-mocks";
import { build, SECURITY_ACCOUNT, T } from "./build";

describe("GuardDutyOrganization (through DelegatedSecurityAdministration)", () => {
    describe("with every protection plan (the default)", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build());
        });

        it("gives the security account one enabled, protected detector publishing every 15 minutes, tagged with the prefix", () => {
            const detector = only(mocks, T.detector);
            assert.deepStrictEqual(
                [detector.inputs.enable, detector.inputs.findingPublishingFrequency, detector.protect, detector.tags],
                [true, "FIFTEEN_MINUTES", true, { Name: "zero-trust-guardduty" }],
            );
            assert.strictEqual(detector.provider, mocks.providerReference("security"));
        });

        it("reuses the environment's GuardDutyDetector for it: the administrator's own plans are detector features, all ENABLED", () => {
            assert.strictEqual(only(mocks, T.detectorComponent).name, "security-services-guardduty-admin");
            assert.deepStrictEqual(byPlan(mocks, T.detectorFeature, "status"), Object.fromEntries(ALL_FEATURES.map((f) => [f, "ENABLED"])));
        });

        it("designates the security account as GuardDuty's delegated administrator from the management account", () => {
            const delegation = only(mocks, T.guardDutyAdmin);
            assert.strictEqual(delegation.inputs.adminAccountId, SECURITY_ACCOUNT);
            assert.strictEqual(delegation.provider, mocks.providerReference("management"));
        });

        it("designates only once the security account's detector exists (AWS's documented order)", () => {
            const detector = only(mocks, T.detector);
            assert.ok(dependenciesOf(mocks, only(mocks, T.guardDutyAdmin).name).includes(detector.urn));
            assert.ok(!dependenciesOf(mocks, detector.name).includes(only(mocks, T.guardDutyAdmin).urn), "and not the other way round");
        });

        it("auto-enables GuardDuty for ALL accounts of the organisation, on the administrator's detector, without the deprecated datasources", () => {
            const organization = only(mocks, T.guardDutyOrganization);
            const detector = only(mocks, T.detector);
            assert.strictEqual(organization.inputs.autoEnableOrganizationMembers, "ALL");
            assert.strictEqual(
                organization.inputs.autoEnable,
                undefined,
                "the deprecated boolean is not sent with autoEnableOrganizationMembers",
            );
            assert.strictEqual(organization.inputs.datasources, undefined);
            assert.strictEqual(organization.inputs.detectorId, detector.id);
            assert.deepStrictEqual(organization.propertyDependencies.detectorId, [detector.urn]);
        });

        it("configures the organisation only after the designation", () => {
            assert.ok(dependenciesOf(mocks, only(mocks, T.guardDutyOrganization).name).includes(only(mocks, T.guardDutyAdmin).urn));
        });

        it("declares each of the six plans once for the organisation with autoEnable ALL, and no other plan", () => {
            assert.deepStrictEqual(
                byPlan(mocks, T.guardDutyOrganizationFeature, "autoEnable"),
                Object.fromEntries(ALL_FEATURES.map((f) => [f, "ALL"])),
            );
            assert.strictEqual(mocks.ofType(T.guardDutyOrganizationFeature).length, ALL_FEATURES.length);
        });

        it("never declares EKS_RUNTIME_MONITORING next to RUNTIME_MONITORING (AWS refuses both)", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.guardDutyOrganizationFeature).filter((r) => r.inputs.name === "EKS_RUNTIME_MONITORING"),
                [],
            );
        });

        it("auto-enables runtime monitoring's agent management for EKS, ECS Fargate and EC2 in ALL accounts", () => {
            assert.deepStrictEqual(
                planFeature(mocks, T.guardDutyOrganizationFeature, "RUNTIME_MONITORING").inputs.additionalConfigurations,
                AGENT_MANAGEMENT.map((name) => ({ name, autoEnable: "ALL" })),
            );
        });

        it("gives additional configurations to runtime monitoring only", () => {
            for (const feature of mocks.ofType(T.guardDutyOrganizationFeature).filter((r) => r.inputs.name !== "RUNTIME_MONITORING")) {
                assert.strictEqual(feature.inputs.additionalConfigurations, undefined, String(feature.inputs.name));
            }
        });

        it("sets each plan on the administrator's detector, after the designation and after the organisation configuration", () => {
            const detector = only(mocks, T.detector);
            const delegation = only(mocks, T.guardDutyAdmin);
            const organization = only(mocks, T.guardDutyOrganization);
            for (const feature of mocks.ofType(T.guardDutyOrganizationFeature)) {
                assert.strictEqual(feature.inputs.detectorId, detector.id, feature.name);
                assert.deepStrictEqual(feature.propertyDependencies.detectorId, [detector.urn], feature.name);
                const after = dependenciesOf(mocks, feature.name);
                assert.ok(after.includes(delegation.urn), `${feature.name} after the designation`);
                assert.ok(after.includes(organization.urn), `${feature.name} after the organisation configuration`);
            }
        });

        it("names each organisation feature after the component and the plan", () => {
            assert.deepStrictEqual(
                mocks
                    .ofType(T.guardDutyOrganizationFeature)
                    .map((r) => r.name)
                    .sort(),
                ALL_FEATURES.map((f) => `security-services-guardduty-organization-${f.toLowerCase().replace(/_/g, "-")}`).sort(),
            );
        });

        it("keeps the organisation configuration and its features unprotected (deleting them changes nothing in AWS)", () => {
            for (const r of [only(mocks, T.guardDutyOrganization), ...mocks.ofType(T.guardDutyOrganizationFeature)]) {
                assert.strictEqual(r.protect, false, r.name);
            }
            assert.strictEqual(only(mocks, T.guardDutyAdmin).protect, true, "the designation is protected");
        });
    });

    describe("with a subset of the protection plans", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({ guardDutyFeatures: ["S3_DATA_EVENTS", "RDS_LOGIN_EVENTS"] }));
        });

        it("auto-enables the listed plans for ALL accounts and declares every other plan NONE", () => {
            assert.deepStrictEqual(byPlan(mocks, T.guardDutyOrganizationFeature, "autoEnable"), {
                S3_DATA_EVENTS: "ALL",
                EKS_AUDIT_LOGS: "NONE",
                EBS_MALWARE_PROTECTION: "NONE",
                RDS_LOGIN_EVENTS: "ALL",
                RUNTIME_MONITORING: "NONE",
                LAMBDA_NETWORK_LOGS: "NONE",
            });
        });

        it("stops auto-enabling runtime monitoring's agent management along with it", () => {
            assert.deepStrictEqual(
                planFeature(mocks, T.guardDutyOrganizationFeature, "RUNTIME_MONITORING").inputs.additionalConfigurations,
                AGENT_MANAGEMENT.map((name) => ({ name, autoEnable: "NONE" })),
            );
        });

        it("enables the same plans on the administrator's own detector and disables the others", () => {
            assert.deepStrictEqual(byPlan(mocks, T.detectorFeature, "status"), {
                S3_DATA_EVENTS: "ENABLED",
                EKS_AUDIT_LOGS: "DISABLED",
                EBS_MALWARE_PROTECTION: "DISABLED",
                RDS_LOGIN_EVENTS: "ENABLED",
                RUNTIME_MONITORING: "DISABLED",
                LAMBDA_NETWORK_LOGS: "DISABLED",
            });
        });

        it("still enables GuardDuty itself for ALL accounts", () => {
            assert.strictEqual(only(mocks, T.guardDutyOrganization).inputs.autoEnableOrganizationMembers, "ALL");
        });
    });

    for (const frequency of ["ONE_HOUR", "SIX_HOURS"] as const) {
        it(`publishes the administrator's findings at the configured frequency (${frequency})`, async () => {
            const { mocks } = await build({ findingPublishingFrequency: frequency });
            assert.strictEqual(only(mocks, T.detector).inputs.findingPublishingFrequency, frequency);
        });
    }

    it("tags the detector with the name prefix given", async () => {
        const { mocks } = await build({ namePrefix: "acme" });
        assert.deepStrictEqual(only(mocks, T.detector).tags, { Name: "acme-guardduty" });
    });
});
