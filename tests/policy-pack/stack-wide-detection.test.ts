// Detection: GuardDuty on in environment stacks; CloudTrail trails keep logging.

import { strict as assert } from "assert";
import type { StackValidationArgs } from "../../policy-pack/node_modules/@pulumi/policy";
import {
    isUnknownValueError,
    PolicyResource,
    resource,
    stackPolicy,
    StackViolation,
    UNKNOWN_BOOLEAN,
    unknownCheckingProxy,
} from "./harness";

const guardDuty = stackPolicy("stack-detection-guardduty-enabled");
const cloudTrail = stackPolicy("stack-detection-cloudtrail-logging-on");

const DETECTOR = "aws:guardduty/detector:Detector";
const NATIVE_DETECTOR = "aws-native:guardduty:Detector";
const TRAIL = "aws:cloudtrail/trail:Trail";
const NATIVE_TRAIL = "aws-native:cloudtrail:Trail";

/** Puts the resources (and the root stack resource) into stack `stack`, as their URNs say. */
function inStack(stack: string, ...resources: PolicyResource[]): PolicyResource[] {
    const root = resource("pulumi:pulumi:Stack", `zero-trust-${stack}`);
    for (const r of [root, ...resources]) {
        r.urn = r.urn.replace(/^urn:pulumi:[^:]+::/, `urn:pulumi:${stack}::`);
    }
    return [root, ...resources];
}

/** Runs a stack policy the way the SDK does, with stack tags. */
function run(
    policy: typeof guardDuty,
    resources: PolicyResource[],
    config: object = {},
    tags: Record<string, string> = {},
): StackViolation[] {
    const found: StackViolation[] = [];
    const map = new Map(Object.entries(tags));
    // The SDK passes a frozen read-only view of the Map, not a Map instance.
    const stackTags = Object.freeze({ get: map.get.bind(map), has: map.has.bind(map), size: map.size }) as unknown as ReadonlyMap<
        string,
        string
    >;
    const args: StackValidationArgs = {
        resources,
        stackTags,
        getConfig: <T extends object>() => config as T,
        notApplicable: (): never => {
            throw new Error("notApplicable");
        },
    };
    void policy.validateStack(args, (message, urn) => found.push({ message, urn }));
    return found;
}

const vpc = () => resource("aws:ec2/vpc:Vpc", "vpc");

describe("stack-detection-guardduty-enabled", () => {
    it("an environment stack without a detector fails (stack-level violation)", () => {
        for (const stack of ["prod", "staging", "payments-prod", "stg", "Production", "eu.stage"]) {
            const found = run(guardDuty, inStack(stack, vpc()));
            assert.equal(found.length, 1, stack);
            assert.equal(found[0].urn, undefined);
            assert.match(found[0].message, /declares no GuardDuty detector/);
        }
    });

    it("an environment stack with an enabled detector passes (classic enable unset or true; native enable true)", () => {
        assert.deepEqual(run(guardDuty, inStack("prod", vpc(), resource(DETECTOR, "gd", {}))), []);
        assert.deepEqual(run(guardDuty, inStack("prod", vpc(), resource(DETECTOR, "gd", { enable: true }))), []);
        assert.deepEqual(run(guardDuty, inStack("prod", resource(NATIVE_DETECTOR, "gd", { enable: true }))), []);
    });

    it("a switched-off detector fails on the detector (classic false; native false or unset)", () => {
        for (const [type, props] of [
            [DETECTOR, { enable: false }],
            [DETECTOR, { enable: "false" }],
            [NATIVE_DETECTOR, { enable: false }],
            [NATIVE_DETECTOR, {}],
        ] as const) {
            const detector = resource(type, "gd", props);
            const found = run(guardDuty, inStack("prod", detector));
            assert.equal(found.length, 1, `${type} ${JSON.stringify(props)}`);
            assert.equal(found[0].urn, detector.urn);
            assert.match(found[0].message, /switched off/);
        }
        const off = resource(DETECTOR, "gd-eu-central", { enable: false });
        assert.deepEqual(
            run(guardDuty, inStack("prod", resource(DETECTOR, "gd", {}), off)).map((f) => f.urn),
            [off.urn],
            "another region's detector off",
        );
    });

    it("stacks that are not environment stacks are left alone", () => {
        for (const stack of ["dev", "management", "sandbox-alice", "product", "prodigy", "test"]) {
            assert.deepEqual(run(guardDuty, inStack(stack, vpc())), [], stack);
            assert.deepEqual(run(guardDuty, inStack(stack, resource(DETECTOR, "gd", { enable: false }))), [], stack);
        }
    });

    it("a stack without AWS resources is never an environment stack, whatever its name or tags", () => {
        const gcp = resource("gcp:storage/bucket:Bucket", "b");
        assert.deepEqual(run(guardDuty, inStack("prod", gcp), {}, { "zero-trust:environment": "true" }), []);
        assert.deepEqual(run(guardDuty, inStack("prod")), []);
    });

    it("the environment tag adds stacks; an off value does not; it cannot remove a name match", () => {
        assert.equal(run(guardDuty, inStack("dev", vpc()), {}, { "zero-trust:environment": "dev" }).length, 1);
        assert.deepEqual(run(guardDuty, inStack("dev", vpc()), {}, { "zero-trust:environment": "false" }), []);
        assert.equal(run(guardDuty, inStack("prod", vpc()), {}, { "zero-trust:environment": "false" }).length, 1);
        assert.equal(run(guardDuty, inStack("dev", vpc()), { environmentTag: "env" }, { env: "yes" }).length, 1);
    });

    it("environmentStacks is configurable; invalid patterns are ignored, never thrown", () => {
        assert.equal(run(guardDuty, inStack("dev", vpc()), { environmentStacks: ["^dev$"] }).length, 1);
        assert.deepEqual(run(guardDuty, inStack("prod", vpc()), { environmentStacks: [] }), []);
        assert.deepEqual(run(guardDuty, inStack("prod", vpc()), { environmentStacks: ["(unclosed"] }), []);
        assert.equal(
            run(guardDuty, inStack("prod", vpc()), { environmentStacks: "not-a-list" }).length,
            1,
            "odd config falls back to the defaults",
        );
    });

    it("preview: an unknown enable is undecided", () => {
        const detector = resource(DETECTOR, "gd", unknownCheckingProxy({ enable: UNKNOWN_BOOLEAN }));
        assert.throws(() => run(guardDuty, inStack("prod", detector)), isUnknownValueError);
    });
});

describe("stack-detection-cloudtrail-logging-on", () => {
    it("fails a trail with logging turned off in any stack by default", () => {
        for (const stack of ["management", "prod"]) {
            const trail = resource(TRAIL, "org", { s3BucketName: "logs", enableLogging: false, isOrganizationTrail: true });
            const found = run(cloudTrail, inStack(stack, trail));
            assert.equal(found.length, 1, stack);
            assert.equal(found[0].urn, trail.urn);
            assert.match(found[0].message, /logging turned off/);
        }
    });

    it("passes classic trails with enableLogging unset or true, and native trails with isLogging true", () => {
        assert.deepEqual(
            run(
                cloudTrail,
                inStack(
                    "management",
                    resource(TRAIL, "a", { s3BucketName: "l" }),
                    resource(TRAIL, "b", { s3BucketName: "l", enableLogging: true }),
                ),
            ),
            [],
        );
        assert.deepEqual(run(cloudTrail, inStack("management", resource(NATIVE_TRAIL, "c", { s3BucketName: "l", isLogging: true }))), []);
    });

    it("fails native trails with isLogging false or unset", () => {
        assert.match(
            run(cloudTrail, inStack("prod", resource(NATIVE_TRAIL, "c", { s3BucketName: "l", isLogging: false })))[0].message,
            /isLogging is not true/,
        );
        assert.equal(run(cloudTrail, inStack("prod", resource(NATIVE_TRAIL, "c", { s3BucketName: "l" }))).length, 1);
    });

    it("trailScope environment-stacks leaves other stacks alone", () => {
        const trail = () => resource(TRAIL, "t", { s3BucketName: "l", enableLogging: false });
        assert.deepEqual(run(cloudTrail, inStack("management", trail()), { trailScope: "environment-stacks" }), []);
        assert.equal(run(cloudTrail, inStack("prod", trail()), { trailScope: "environment-stacks" }).length, 1);
    });

    it("preview: an unknown switch is undecided; a known stopped trail is reported despite it", () => {
        const unsure = resource(TRAIL, "u", unknownCheckingProxy({ s3BucketName: "l", enableLogging: UNKNOWN_BOOLEAN }));
        assert.throws(() => run(cloudTrail, inStack("prod", unsure)), isUnknownValueError);
        const stopped = resource(NATIVE_TRAIL, "s", { s3BucketName: "l", isLogging: false });
        assert.deepEqual(
            run(cloudTrail, inStack("prod", unsure, stopped)).map((f) => f.urn),
            [stopped.urn],
        );
    });
});
