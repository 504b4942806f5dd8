import * as assert from "assert";
import { ConfigError } from "../../stacks/config/config-error";
import type { RecordingMocks, Registration } from "../network/recording-mocks";
import { decoded, runStack, valueOf, type StackRun } from "./stack-harness";

// Every region the management stack allows (guardrails.allowedRegions: eu-west-1, eu-central-1) is
// watched by each environment: found through each resource's provider, as the plan records it.

const ALLOWED = ["eu-west-1", "eu-central-1"];

/** The region of the provider a resource goes through. */
function regionOf(mocks: RecordingMocks, r: Registration): string | undefined {
    const provider = mocks.ofType("pulumi:providers:aws").find((p) => r.provider === `${p.urn}::${p.id}`);
    return provider === undefined ? undefined : String(provider.inputs.region);
}

/** Resources of a type by region. */
const inRegion = (mocks: RecordingMocks, type: string, region: string): Registration[] =>
    mocks.ofType(type).filter((r) => regionOf(mocks, r) === region);

/** What every watched region must hold, by service. */
const WATCHED: Readonly<Record<string, string[]>> = {
    GuardDuty: ["aws:guardduty/detector:Detector"],
    "Security Hub": ["aws:securityhub/account:Account", "aws:securityhub/standardsSubscription:StandardsSubscription"],
    Config: ["aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel", "aws:cfg/recorderStatus:RecorderStatus"],
    "Access Analyzer": ["aws:accessanalyzer/analyzer:Analyzer"],
    "EBS default encryption": ["aws:ebs/encryptionByDefault:EncryptionByDefault", "aws:ebs/defaultKmsKey:DefaultKmsKey"],
    "findings pipeline": [
        "aws:guardduty/publishingDestination:PublishingDestination",
        "aws:cloudwatch/eventRule:EventRule",
        "aws:sns/topic:Topic",
    ],
    responder: ["aws:lambda/function:Function"],
    "stripped default VPC": [
        "aws:ec2/defaultVpc:DefaultVpc",
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    ],
};

for (const stack of ["staging", "prod"]) {
    describe(`${stack}: every allowed region watched`, () => {
        let run: StackRun;
        before(async () => {
            run = await runStack(stack);
        });

        it("runs without error and exports the watched regions, home first", () => {
            assert.strictEqual(run.error, undefined);
            assert.deepStrictEqual(run.outputs?.watchedRegions, ALLOWED);
            assert.deepStrictEqual(Object.keys(run.outputs?.regions ?? {}), ALLOWED);
        });

        it("one provider per allowed region, each assuming the access role in the environment's account", () => {
            const providers = run.mocks.ofType("pulumi:providers:aws");
            assert.deepStrictEqual(
                providers.map((p) => p.inputs.region),
                ALLOWED,
            );
            assert.deepStrictEqual(
                new Set(providers.map((p) => JSON.stringify([decoded(p.inputs.allowedAccountIds), decoded(p.inputs.assumeRoles)]))).size,
                1,
            );
        });

        for (const region of ALLOWED) {
            for (const [service, types] of Object.entries(WATCHED)) {
                it(`${region}: ${service}`, () => {
                    for (const type of types) {
                        assert.ok(inRegion(run.mocks, type, region).length >= 1, `${type} in ${region}`);
                    }
                });
            }
        }

        it("keeps the home region's names (existing stacks replace nothing) and suffixes the other region's", () => {
            for (const name of [
                `${stack}-baseline-config-recorder`,
                `${stack}-guardduty-detector`,
                `${stack}-findings-bucket`,
                `${stack}-responder-function`,
            ]) {
                assert.strictEqual(regionOf(run.mocks, run.mocks.named(name)), "eu-west-1", name);
                const other = name.replace(/^([a-z]+-[a-z]+)-/, "$1-eu-central-1-");
                assert.strictEqual(regionOf(run.mocks, run.mocks.named(other)), "eu-central-1", other);
            }
        });

        it("records global resource types and sets the account-wide settings in the home region only", () => {
            const recorders = run.mocks
                .ofType("aws:cfg/recorder:Recorder")
                .map((r) => [
                    regionOf(run.mocks, r),
                    (r.inputs.recordingGroup as { includeGlobalResourceTypes: boolean }).includeGlobalResourceTypes,
                ]);
            assert.deepStrictEqual(recorders, [
                ["eu-west-1", true],
                ["eu-central-1", false],
            ]);
            for (const type of [
                "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
                "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
            ]) {
                assert.deepStrictEqual(
                    run.mocks.ofType(type).map((r) => regionOf(run.mocks, r)),
                    ["eu-west-1"],
                    type,
                );
            }
        });

        it("adopts the delegated administrator's detector of each region by its configured id", () => {
            // An adopted detector's id is the id it was imported by.
            const detectors = run.mocks.ofType("aws:guardduty/detector:Detector").map((d) => [regionOf(run.mocks, d), d.id, d.protect]);
            assert.deepStrictEqual(
                detectors.map(([region]) => region),
                ALLOWED,
            );
            assert.ok(detectors.every(([, id, protect]) => typeof id === "string" && /^[a-z0-9]{32}$/.test(id) && protect === true));
            assert.notStrictEqual(detectors[0][1], detectors[1][1]);
        });

        it("each region's services use that region's keys: EBS default key, findings export and alerts topic", () => {
            for (const region of ALLOWED) {
                const [ebsKey] = inRegion(run.mocks, "aws:ebs/defaultKmsKey:DefaultKmsKey", region);
                const [exporter] = inRegion(run.mocks, "aws:guardduty/publishingDestination:PublishingDestination", region);
                for (const arn of [ebsKey.inputs.keyArn, exporter.inputs.kmsKeyArn]) {
                    assert.match(String(arn), new RegExp(`^arn:aws:kms:${region}:`), region);
                }
            }
        });

        it("the responder of each region answers its region's alert rule, isolates in its region's VPC, with a role name of its own (IAM names are global)", () => {
            const roles = run.mocks
                .ofType("aws:iam/role:Role")
                .filter((r) => String(r.inputs.name).includes("responder"))
                .map((r) => r.inputs.name);
            assert.deepStrictEqual(roles, [`${stack}-guardduty-findings-alert-responder`, `${stack}-guardduty-responder-eu-central-1`]);
            const [quarantine] = inRegion(run.mocks, "aws:ec2/securityGroup:SecurityGroup", "eu-central-1").filter((g) =>
                g.name.includes("quarantine"),
            );
            assert.strictEqual(quarantine.inputs.vpcId, run.mocks.named(`${stack}-default-vpc-eu-central-1-vpc`).id);
        });

        it("strips every region's default VPC: no rule in its default security group or NACL, flow logs on, never deleted by a destroy", () => {
            for (const region of ALLOWED) {
                const [vpc] = inRegion(run.mocks, "aws:ec2/defaultVpc:DefaultVpc", region);
                assert.strictEqual(vpc.inputs.forceDestroy, false);
                const [group] = inRegion(run.mocks, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", region).filter(
                    (g) => g.inputs.vpcId === vpc.id,
                );
                assert.deepStrictEqual([group.inputs.ingress, group.inputs.egress], [[], []]);
                const [acl] = inRegion(run.mocks, "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", region).filter(
                    (a) => a.inputs.defaultNetworkAclId === vpc.outputs.defaultNetworkAclId,
                );
                assert.deepStrictEqual([acl.inputs.ingress, acl.inputs.egress], [[], []]);
                assert.ok(
                    inRegion(run.mocks, "aws:ec2/flowLog:FlowLog", region).some((f) => f.inputs.vpcId === vpc.id),
                    region,
                );
            }
        });

        it("exports what watches each region", async () => {
            const central = run.outputs?.regions["eu-central-1"];
            assert.ok(central !== undefined);
            assert.strictEqual(
                await valueOf(central.guardDutyDetectorId),
                inRegion(run.mocks, "aws:guardduty/detector:Detector", "eu-central-1")[0].id,
            );
            assert.strictEqual(
                await valueOf(central.findingsBucketName),
                `${stack}-guardduty-${stack === "prod" ? "222222222222" : "111111111111"}-eu-central-1`,
            );
        });
    });
}

describe("keys in a watched region", () => {
    it("staging (no replica regions): eu-central-1 gets a key ring of its own, single-Region, and the home keys stay single-Region", async () => {
        const run = await runStack("staging");
        const central = inRegion(run.mocks, "aws:kms/key:Key", "eu-central-1");
        assert.ok(central.length >= 6 && central.every((k) => k.inputs.multiRegion === false && k.protect === true));
        assert.ok(inRegion(run.mocks, "aws:kms/key:Key", "eu-west-1").every((k) => k.inputs.multiRegion === false));
        assert.deepStrictEqual(run.mocks.ofType("aws:kms/replicaKey:ReplicaKey"), []);
    });

    it("prod (replicas in eu-central-1): eu-central-1's services use the replicas, no second ring", async () => {
        const run = await runStack("prod");
        assert.deepStrictEqual(inRegion(run.mocks, "aws:kms/key:Key", "eu-central-1"), []);
        const [ebsKey] = inRegion(run.mocks, "aws:ebs/defaultKmsKey:DefaultKmsKey", "eu-central-1");
        assert.strictEqual(ebsKey.inputs.keyArn, run.mocks.named("prod-keys-purpose-volumes-eu-central-1").outputs.arn);
    });
});

describe("watched regions: refusals", () => {
    it("refuses adopting detectors without the id of each other watched region, before any resource but the management stack's reference", async () => {
        const run = await runStack("staging", {
            "zero-trust-aws:detection": JSON.stringify({ detectorId: "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6" }),
        });
        assert.ok(ConfigError.isConfigError(run.error), String(run.error));
        assert.strictEqual(run.error.key, "zero-trust-aws:detection.detectorIds.eu-central-1");
        await run.mocks.settled();
        assert.deepStrictEqual(
            run.mocks.registrations.map((r) => r.type),
            ["pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"],
        );
    });
});
