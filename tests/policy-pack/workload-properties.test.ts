// Property tests of the workload tier's policies: an offending container is caught wherever it
// stands among compliant ones and however its flag is spelt, and odd inputs never make a policy
// throw (a throw stops every preview in the organisation).

import { strict as assert } from "assert";
import fc from "fast-check";
import { assertEvaluated, check, checkStack, dependsOnVia, resource, resourcePolicy, stackPolicy } from "./harness";
import { malformedProps } from "./arbitraries";

const TASK_TYPES = [
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws-native:ecs:TaskDefinition",
    "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition",
    "aws-native:ecs:DaemonTaskDefinition",
];
const SERVICE_TYPES = ["aws:ecs/service:Service", "aws:ecs/taskSet:TaskSet", "aws-native:ecs:Service", "aws-native:ecs:TaskSet"];
const CONTAINER_POLICIES = ["workload-ecs-no-privileged-container", "workload-ecs-read-only-root-filesystem", "workload-ecs-non-root-user"];

const SEEDS = [true, false, "true", "false", "host", "awsvpc", "ENABLED", "DISABLED", "0", "root", "10001", null, "[]", "[{}]", "{"];
const KEYS = [
    "containerDefinitions",
    "networkMode",
    "privileged",
    "readonlyRootFilesystem",
    "user",
    "image",
    "name",
    "networkConfiguration",
    "awsvpcConfiguration",
    "awsVpcConfiguration",
    "assignPublicIp",
];

const hardened = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    image: fc.constantFrom("111111111111.dkr.ecr.eu-west-1.amazonaws.com/app:1", "public.ecr.aws/nginx/nginx:1.27"),
    readonlyRootFilesystem: fc.constantFrom(true, "true", " TRUE "),
    user: fc.constantFrom("10001", "10001:10001", "app"),
    privileged: fc.constantFrom(false, "false", undefined),
});

const encode = (type: string, containers: object[]) => ({
    containerDefinitions: type === "aws:ecs/taskDefinition:TaskDefinition" ? JSON.stringify(containers) : containers,
});

describe("workload policies: properties", () => {
    it("a privileged, writable-root or root container is caught at any position among hardened ones", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...TASK_TYPES),
                fc.array(hardened, { maxLength: 4 }),
                fc.nat(),
                fc.constantFrom(
                    ["workload-ecs-no-privileged-container", { privileged: true }],
                    ["workload-ecs-no-privileged-container", { privileged: " True" }],
                    ["workload-ecs-read-only-root-filesystem", { readonlyRootFilesystem: false }],
                    ["workload-ecs-read-only-root-filesystem", { readonlyRootFilesystem: undefined }],
                    ["workload-ecs-non-root-user", { user: "root" }],
                    ["workload-ecs-non-root-user", { user: "0:1" }],
                ) as fc.Arbitrary<[string, object]>,
                (type, others, at, [policy, flaw]) => {
                    const bad = { ...others[0], name: "bad", image: "x", readonlyRootFilesystem: true, user: "10001", ...flaw };
                    const containers = [...others];
                    containers.splice(at % (others.length + 1), 0, bad as (typeof others)[number]);
                    assert.deepEqual(check(resourcePolicy(policy), type, encode(type, others)), []);
                    const messages = check(resourcePolicy(policy), type, encode(type, containers));
                    assert.equal(messages.length, 1);
                    assert.match(messages[0], /"bad"/);
                },
            ),
        );
    });

    it("host networking is caught in any case and spacing", () => {
        fc.assert(
            fc.property(
                fc.constantFrom("aws:ecs/taskDefinition:TaskDefinition", "aws-native:ecs:TaskDefinition"),
                fc.mixedCase(fc.constant("host")),
                fc.constantFrom("", " ", "\t"),
                (type, mode, pad) => {
                    assert.equal(
                        check(resourcePolicy("workload-ecs-no-host-network"), type, { networkMode: `${pad}${mode}${pad}` }).length,
                        1,
                    );
                },
            ),
        );
    });

    it("odd task definitions, services and target group stacks never make a policy throw", () => {
        fc.assert(
            fc.property(fc.constantFrom(...TASK_TYPES, ...SERVICE_TYPES), malformedProps(SEEDS, KEYS), (type, props) => {
                for (const name of [...CONTAINER_POLICIES, "workload-ecs-no-host-network", "ingress-ecs-service-public-ip"]) {
                    assertEvaluated(check(resourcePolicy(name), type, props));
                }
            }),
        );
        fc.assert(
            fc.property(
                malformedProps(
                    ["HTTP", "HTTPS", "forward", true, null],
                    ["protocol", "healthCheck", "healthCheckProtocol", "arn", "enabled"],
                ),
                malformedProps(
                    ["HTTP", "HTTPS", "forward", null],
                    ["protocol", "defaultActions", "type", "forward", "targetGroups", "arn"],
                ),
                (groupProps, listenerProps) => {
                    const group = resource("aws:lb/targetGroup:TargetGroup", "tg", groupProps as Record<string, unknown>);
                    const listener = dependsOnVia(
                        resource("aws:lb/listener:Listener", "l", listenerProps as Record<string, unknown>),
                        "defaultActions",
                        group,
                    );
                    assertEvaluated(checkStack(stackPolicy("tls-load-balancer-target-group"), [group, listener]).map((v) => v.message));
                },
            ),
        );
    });
});
