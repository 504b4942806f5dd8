// The workload family on ECS task definitions (both providers; the classic one's containers are
// JSON text), and ingress-ecs-service-public-ip on services and task sets: a pass and a fail for
// each rule, malformed input, and values unknown during preview.

import { strict as assert } from "assert";
import {
    assertEvaluated,
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const privileged = resourcePolicy("workload-ecs-no-privileged-container");
const hostNetwork = resourcePolicy("workload-ecs-no-host-network");
const readOnlyRoot = resourcePolicy("workload-ecs-read-only-root-filesystem");
const nonRoot = resourcePolicy("workload-ecs-non-root-user");
const publicIp = resourcePolicy("ingress-ecs-service-public-ip");

const CLASSIC = "aws:ecs/taskDefinition:TaskDefinition";
const NATIVE = "aws-native:ecs:TaskDefinition";
const DAEMONS = ["aws:ecs/daemonTaskDefinition:DaemonTaskDefinition", "aws-native:ecs:DaemonTaskDefinition"];

const HARDENED = {
    name: "app",
    image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders:1",
    readonlyRootFilesystem: true,
    user: "10001:10001",
};

/** A task definition of `type` holding these containers, as that provider writes them. */
function taskDefinition(type: string, containers: object[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { family: "orders", ...extra, containerDefinitions: type === CLASSIC ? JSON.stringify(containers) : containers };
}

const ALL_TYPES = [CLASSIC, NATIVE, ...DAEMONS];

describe("workload family: ECS task definitions", () => {
    it("a hardened container passes every rule, on every task definition type", () => {
        for (const type of ALL_TYPES) {
            for (const policy of [privileged, hostNetwork, readOnlyRoot, nonRoot]) {
                assert.deepEqual(
                    check(policy, type, taskDefinition(type, [HARDENED], { networkMode: "awsvpc" })),
                    [],
                    `${policy.name} ${type}`,
                );
            }
        }
    });

    it("workload-ecs-no-privileged-container: refuses privileged true (also as text) and a malformed flag", () => {
        for (const type of ALL_TYPES) {
            const messages = check(privileged, type, taskDefinition(type, [HARDENED, { ...HARDENED, name: "agent", privileged: true }]));
            assert.equal(messages.length, 1, type);
            assert.match(messages[0], /containerDefinitions\[1\] "agent" runs privileged/);
            assert.equal(check(privileged, type, taskDefinition(type, [{ ...HARDENED, privileged: "TRUE" }])).length, 1);
            assert.match(check(privileged, type, taskDefinition(type, [{ ...HARDENED, privileged: 1 }]))[0], /not a boolean/);
            assert.deepEqual(check(privileged, type, taskDefinition(type, [{ ...HARDENED, privileged: false }])), []);
        }
    });

    it("workload-ecs-no-host-network: refuses networkMode host (any case) and a malformed mode; bridge, awsvpc and unset pass", () => {
        for (const type of [CLASSIC, NATIVE]) {
            assert.match(check(hostNetwork, type, taskDefinition(type, [HARDENED], { networkMode: "HOST" }))[0], /networkMode is "host"/);
            assert.equal(check(hostNetwork, type, taskDefinition(type, [HARDENED], { networkMode: 7 })).length, 1);
            for (const networkMode of ["awsvpc", "bridge", "none", undefined]) {
                assert.deepEqual(check(hostNetwork, type, taskDefinition(type, [HARDENED], { networkMode })), []);
            }
        }
    });

    it("workload-ecs-read-only-root-filesystem: refuses false, unset and malformed; images listed in writableRootFilesystemImages pass", () => {
        for (const type of ALL_TYPES) {
            const unset = { ...HARDENED, readonlyRootFilesystem: undefined };
            assert.match(check(readOnlyRoot, type, taskDefinition(type, [unset]))[0], /unset, which is false/);
            assert.match(
                check(readOnlyRoot, type, taskDefinition(type, [{ ...HARDENED, readonlyRootFilesystem: false }]))[0],
                /writable root/,
            );
            assert.match(
                check(readOnlyRoot, type, taskDefinition(type, [{ ...HARDENED, readonlyRootFilesystem: "yes" }]))[0],
                /not a boolean/,
            );
            const sidecar = { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable" };
            const config = { writableRootFilesystemImages: ["public.ecr.aws/aws-observability/", " "] };
            assert.deepEqual(check(readOnlyRoot, type, taskDefinition(type, [HARDENED, sidecar]), config), []);
            // The list names images, not containers: another writable container still fails.
            assert.equal(check(readOnlyRoot, type, taskDefinition(type, [sidecar, unset]), config).length, 1);
            // A blank prefix would match every image: it is dropped.
            assert.equal(check(readOnlyRoot, type, taskDefinition(type, [unset]), { writableRootFilesystemImages: [""] }).length, 1);
        }
    });

    it("workload-ecs-non-root-user (advisory): reports an unset user, 0, root and either with a group; a named or numeric user passes", () => {
        assert.equal(nonRoot.enforcementLevel, "advisory");
        for (const type of ALL_TYPES) {
            const unset = { ...HARDENED, user: undefined };
            assert.match(check(nonRoot, type, taskDefinition(type, [unset]))[0], /names no user/);
            for (const user of ["0", "root", "0:0", "ROOT:wheel", "00"]) {
                assert.match(check(nonRoot, type, taskDefinition(type, [{ ...HARDENED, user }]))[0], /runs as root/, user);
            }
            for (const user of ["10001", "10001:10001", "app", "1000:0"]) {
                assert.deepEqual(check(nonRoot, type, taskDefinition(type, [{ ...HARDENED, user }])), [], user);
            }
        }
    });

    it("a containerDefinitions that is not JSON, or not a list, is refused by every container rule (fail closed)", () => {
        for (const policy of [privileged, readOnlyRoot, nonRoot]) {
            for (const containerDefinitions of ["[{not json", '{"name":"app"}', 42]) {
                const messages = check(policy, CLASSIC, { containerDefinitions });
                assertEvaluated(messages);
                assert.equal(messages.length, 1, `${policy.name} ${String(containerDefinitions)}`);
                assert.match(messages[0], /not a list of container definitions/);
            }
        }
    });

    it("preview: an unknown container list or deciding value is undecided; a known violation beside it is reported", () => {
        assert.throws(
            () => check(privileged, CLASSIC, unknownCheckingProxy({ containerDefinitions: UNKNOWN_STRING })),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    readOnlyRoot,
                    NATIVE,
                    unknownCheckingProxy({ containerDefinitions: [{ ...HARDENED, readonlyRootFilesystem: UNKNOWN_STRING }] }),
                ),
            isUnknownValueError,
        );
        assert.throws(() => check(hostNetwork, NATIVE, unknownCheckingProxy({ networkMode: UNKNOWN_STRING })), isUnknownValueError);
        assert.throws(() => check(nonRoot, NATIVE, unknownCheckingProxy({ containerDefinitions: [UNKNOWN_OBJECT] })), isUnknownValueError);
        const messages = check(
            privileged,
            NATIVE,
            unknownCheckingProxy({
                containerDefinitions: [
                    { ...HARDENED, privileged: UNKNOWN_STRING },
                    { ...HARDENED, name: "bad", privileged: true },
                ],
            }),
        );
        assert.equal(messages.length, 1);
        assert.match(messages[0], /"bad" runs privileged/);
        // An unknown image matters only when some image may keep a writable root.
        const writable = { containerDefinitions: [{ name: "app", image: UNKNOWN_STRING }] };
        assert.equal(check(readOnlyRoot, NATIVE, unknownCheckingProxy(writable)).length, 1);
        assert.throws(
            () => check(readOnlyRoot, NATIVE, unknownCheckingProxy(writable), { writableRootFilesystemImages: ["public.ecr.aws/"] }),
            isUnknownValueError,
        );
    });
});

describe("ingress-ecs-service-public-ip", () => {
    const CASES: [string, (v: unknown) => Record<string, unknown>, unknown, unknown][] = [
        ["aws:ecs/service:Service", (v) => ({ networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: v } }), true, false],
        ["aws:ecs/taskSet:TaskSet", (v) => ({ networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: v } }), "true", "false"],
        [
            "aws-native:ecs:Service",
            (v) => ({ networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], assignPublicIp: v } } }),
            "ENABLED",
            "DISABLED",
        ],
        [
            "aws-native:ecs:TaskSet",
            (v) => ({ networkConfiguration: { awsVpcConfiguration: { subnets: ["subnet-1"], assignPublicIp: v } } }),
            "enabled",
            "DISABLED",
        ],
    ];

    for (const [type, props, on, off] of CASES) {
        it(`${type}: refuses a public IP, passes off, unset and no awsvpc block; malformed fails; unknown is undecided`, () => {
            assert.match(check(publicIp, type, props(on))[0], /assignPublicIp gives every task a public IP address/);
            assert.deepEqual(check(publicIp, type, props(off)), []);
            assert.deepEqual(check(publicIp, type, props(undefined)), []);
            assert.deepEqual(check(publicIp, type, { desiredCount: 2 }), []);
            assert.match(check(publicIp, type, props("sometimes"))[0], /malformed/);
            assert.throws(() => check(publicIp, type, unknownCheckingProxy(props(UNKNOWN_STRING))), isUnknownValueError);
            assert.throws(() => check(publicIp, type, unknownCheckingProxy({ networkConfiguration: UNKNOWN_OBJECT })), isUnknownValueError);
        });
    }

    it("aws-native spells the block by type: a service's awsVpcConfiguration (the task set's spelling) is not read", () => {
        assert.deepEqual(
            check(publicIp, "aws-native:ecs:Service", { networkConfiguration: { awsVpcConfiguration: { assignPublicIp: "ENABLED" } } }),
            [],
        );
    });
});
