import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { GuardDutyDetector, type GuardDutyDetectorArgs } from "../../components/detection/guardduty-detector";
import { awsResourcesThrough, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { AGENT_MANAGEMENT, ALL_FEATURES, byPlan, planFeature } from "./guardduty-plans";

const T = {
    component: "zero-trust:detection:GuardDutyDetector",
    detector: "aws:guardduty/detector:Detector",
    feature: "aws:guardduty/detectorFeature:DetectorFeature",
} as const;

const BASE: GuardDutyDetectorArgs = { environment: "staging", features: ALL_FEATURES, findingPublishingFrequency: "FIFTEEN_MINUTES" };

interface Built {
    mocks: RecordingMocks;
    component: GuardDutyDetector;
}

/** Builds the component with an explicit provider under a fresh recording monitor and waits for every registration. */
async function build(overrides: Partial<GuardDutyDetectorArgs> = {}): Promise<Built> {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("test-provider", { region: "eu-west-1", allowedAccountIds: ["111111111111"] });
    const component = new GuardDutyDetector("gd", { ...BASE, ...overrides }, { provider });
    return { mocks: await mocks.settled(), component };
}

describe("GuardDutyDetector", () => {
    describe("with every protection plan (the default)", () => {
        let built: Built;
        let mocks: RecordingMocks;
        before(async () => {
            built = await build();
            mocks = built.mocks;
        });

        it("creates one enabled detector that publishes findings every 15 minutes, tagged with its name", () => {
            const detectors = mocks.ofType(T.detector);
            assert.strictEqual(detectors.length, 1);
            const [detector] = detectors;
            assert.strictEqual(detector.name, "gd-detector");
            assert.deepStrictEqual(
                [detector.inputs.enable, detector.inputs.findingPublishingFrequency, detector.tags],
                [true, "FIFTEEN_MINUTES", { Name: "staging-guardduty" }],
            );
        });

        it("configures protection plans only as features, never through the deprecated datasources block", () => {
            assert.strictEqual(mocks.named("gd-detector").inputs.datasources, undefined);
        });

        it("declares each of the six protection plans once, ENABLED, and no other feature", () => {
            for (const feature of ALL_FEATURES) {
                assert.strictEqual(planFeature(mocks, T.feature, feature).inputs.status, "ENABLED", feature);
            }
            assert.deepStrictEqual(
                mocks
                    .ofType(T.feature)
                    .map((r) => r.inputs.name)
                    .sort(),
                [...ALL_FEATURES].sort(),
            );
        });

        it("never declares EKS_RUNTIME_MONITORING next to RUNTIME_MONITORING (AWS refuses both)", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.feature).filter((r) => r.inputs.name === "EKS_RUNTIME_MONITORING"),
                [],
            );
        });

        it("enables runtime monitoring with GuardDuty-managed agents for EKS, ECS Fargate and EC2", () => {
            const runtime = planFeature(mocks, T.feature, "RUNTIME_MONITORING");
            assert.deepStrictEqual(
                runtime.inputs.additionalConfigurations,
                AGENT_MANAGEMENT.map((name) => ({ name, status: "ENABLED" })),
            );
        });

        it("gives additional configurations to runtime monitoring only", () => {
            const others = mocks.ofType(T.feature).filter((r) => r.inputs.name !== "RUNTIME_MONITORING");
            assert.strictEqual(others.length, 5);
            for (const feature of others) {
                assert.strictEqual(feature.inputs.additionalConfigurations, undefined, String(feature.inputs.name));
            }
        });

        it("attaches every feature to the detector, by value and by dependency", () => {
            const detector = mocks.named("gd-detector");
            assert.match(detector.id, /\S/);
            const features = mocks.ofType(T.feature);
            assert.strictEqual(features.length, 6);
            for (const feature of features) {
                assert.strictEqual(feature.inputs.detectorId, detector.id, String(feature.inputs.name));
                assert.deepStrictEqual(feature.propertyDependencies.detectorId, [detector.urn], String(feature.inputs.name));
            }
        });

        it("names each feature resource after the component and the plan", () => {
            assert.deepStrictEqual(
                mocks
                    .ofType(T.feature)
                    .map((r) => r.name)
                    .sort(),
                [
                    "gd-ebs-malware-protection",
                    "gd-eks-audit-logs",
                    "gd-lambda-network-logs",
                    "gd-rds-login-events",
                    "gd-runtime-monitoring",
                    "gd-s3-data-events",
                ],
            );
        });

        it("protects the detector (its deletion deletes the findings), and nothing else needs it", () => {
            assert.strictEqual(mocks.named("gd-detector").protect, true);
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.protect).map((r) => r.name),
                ["gd-detector"],
            );
        });

        it("gives every AWS resource the explicit provider, never the default one", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "test-provider").length, 7);
            assert.match(mocks.providerReference("test-provider"), /::pulumi:providers:aws::test-provider::[0-9a-f-]{36}$/);
        });

        it("is a zero-trust:detection:GuardDutyDetector component that parents all its resources", () => {
            const [component, ...others] = mocks.ofType(T.component);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(component.name, "gd");
            for (const resource of mocks.registrations.filter((r) => r.type.startsWith("aws:guardduty/"))) {
                assert.strictEqual(resource.parent, component.urn, resource.name);
            }
        });

        it("exposes and registers the detector's id and ARN", async () => {
            const detector = mocks.named("gd-detector");
            assert.strictEqual(await valueOf(built.component.detectorId), detector.id);
            assert.strictEqual(await valueOf(built.component.detectorArn), detector.outputs.arn);
            assert.deepStrictEqual(mocks.named("gd").outputs, { detectorId: detector.id, detectorArn: detector.outputs.arn });
        });
    });

    describe("with a subset of the protection plans", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({ features: ["S3_DATA_EVENTS", "RDS_LOGIN_EVENTS"] }));
        });

        it("enables the listed plans and declares every other plan DISABLED (AWS would enable an unlisted one)", () => {
            assert.deepStrictEqual(byPlan(mocks, T.feature, "status"), {
                S3_DATA_EVENTS: "ENABLED",
                EKS_AUDIT_LOGS: "DISABLED",
                EBS_MALWARE_PROTECTION: "DISABLED",
                RDS_LOGIN_EVENTS: "ENABLED",
                RUNTIME_MONITORING: "DISABLED",
                LAMBDA_NETWORK_LOGS: "DISABLED",
            });
        });

        it("disables runtime monitoring's agent management along with it", () => {
            assert.deepStrictEqual(
                planFeature(mocks, T.feature, "RUNTIME_MONITORING").inputs.additionalConfigurations,
                AGENT_MANAGEMENT.map((name) => ({ name, status: "DISABLED" })),
            );
        });

        it("keeps the detector itself enabled and protected", () => {
            const detector = mocks.named("gd-detector");
            assert.deepStrictEqual([detector.inputs.enable, detector.protect], [true, true]);
        });
    });

    it("with runtime monitoring alone: only it and its agent management are enabled", async () => {
        const { mocks } = await build({ features: ["RUNTIME_MONITORING"] });
        const enabled = Object.entries(byPlan(mocks, T.feature, "status"))
            .filter(([, status]) => status === "ENABLED")
            .map(([name]) => name);
        assert.deepStrictEqual(enabled, ["RUNTIME_MONITORING"]);
        assert.deepStrictEqual(
            planFeature(mocks, T.feature, "RUNTIME_MONITORING").inputs.additionalConfigurations,
            AGENT_MANAGEMENT.map((name) => ({ name, status: "ENABLED" })),
        );
    });

    for (const frequency of ["ONE_HOUR", "SIX_HOURS"] as const) {
        it(`publishes findings at the configured frequency (${frequency})`, async () => {
            const { mocks } = await build({ findingPublishingFrequency: frequency });
            assert.strictEqual(mocks.named("gd-detector").inputs.findingPublishingFrequency, frequency);
        });
    }

    describe("refuses, declaring nothing", () => {
        const cases: [string, Partial<GuardDutyDetectorArgs>, RegExp][] = [
            [
                "an environment that is no lowercase key",
                { environment: "Staging" },
                /^GuardDutyDetector: environment: key "Staging" is not a lowercase name/,
            ],
            [
                "an unknown protection plan",
                { features: ["S3_DATA_EVENTS", "EKS_RUNTIME_MONITORING" as "S3_DATA_EVENTS"] },
                /^GuardDutyDetector: features: "EKS_RUNTIME_MONITORING" is not a GuardDuty protection plan \(expected one of S3_DATA_EVENTS, /,
            ],
            [
                "a protection plan twice",
                { features: ["S3_DATA_EVENTS", "S3_DATA_EVENTS"] },
                /^GuardDutyDetector: features: "S3_DATA_EVENTS" is listed twice$/,
            ],
            [
                "a publishing frequency GuardDuty lacks",
                { findingPublishingFrequency: "DAILY" as "ONE_HOUR" },
                /^GuardDutyDetector: findingPublishingFrequency: "DAILY" is not one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS$/,
            ],
            [
                "an adopted detector id that is none",
                { adoptDetectorId: "detector-1" },
                /^GuardDutyDetector: adoptDetectorId: "detector-1" is not a GuardDuty detector id \(32 lowercase letters or digits\)$/,
            ],
        ];
        for (const [label, overrides, message] of cases) {
            it(label, () => assertRefusedBeforeDeclaring(() => new GuardDutyDetector("gd", { ...BASE, ...overrides }), message));
        }
    });
});
