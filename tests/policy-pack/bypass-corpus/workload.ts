import { dependsOnVia, resource } from "../harness";
import type { BypassCase } from "./bypass-case";

// The workload tier: ECS task definitions, services and task sets, and the target groups behind
// HTTPS listeners. Tries: flags written as text or in another case, the offending container second,
// a daemon task definition, a look-alike image prefix, and links by literal ARN instead of reference.

const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const NATIVE_TASK = "aws-native:ecs:TaskDefinition";
const IMAGE = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:" + "a".repeat(64);
const APP = { name: "app", image: IMAGE, readonlyRootFilesystem: true, user: "10001:10001" };
const TG_ARN = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/orders/0123456789abcdef";

const classicTask = (...containers: object[]) =>
    resource(TASK, "orders", { family: "orders", networkMode: "awsvpc", containerDefinitions: JSON.stringify(containers) });

const httpsListener = (defaultActions: object[]) =>
    resource("aws:lb/listener:Listener", "https", {
        protocol: "HTTPS",
        port: 443,
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        defaultActions,
    });

export const workloadBypasses: readonly BypassCase[] = [
    {
        title: 'privileged written as the text "true" inside the classic JSON, on the second container',
        policy: "workload-ecs-no-privileged-container",
        violating: () => [classicTask(APP, { ...APP, name: "agent", privileged: "true" })],
        compliant: () => [classicTask(APP, { ...APP, name: "agent", privileged: false })],
    },
    {
        title: "a privileged container in a daemon task definition",
        policy: "workload-ecs-no-privileged-container",
        violating: () => [
            resource("aws-native:ecs:DaemonTaskDefinition", "agent", { containerDefinitions: [{ ...APP, privileged: true }] }),
        ],
        compliant: () => [resource("aws-native:ecs:DaemonTaskDefinition", "agent", { containerDefinitions: [APP] })],
    },
    {
        title: "host networking spelt in upper case with spaces",
        policy: "workload-ecs-no-host-network",
        violating: () => [resource(NATIVE_TASK, "orders", { networkMode: " HOST ", containerDefinitions: [APP] })],
        compliant: () => [resource(NATIVE_TASK, "orders", { networkMode: "awsvpc", containerDefinitions: [APP] })],
    },
    {
        title: "a log-router sidecar with readonlyRootFilesystem left out",
        policy: "workload-ecs-read-only-root-filesystem",
        violating: () => [classicTask(APP, { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable" })],
        compliant: () => [
            classicTask(APP, {
                name: "log-router",
                image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                readonlyRootFilesystem: true,
            }),
        ],
    },
    {
        title: "an image whose name only starts like an allowed writable-root prefix",
        policy: "workload-ecs-read-only-root-filesystem",
        config: { writableRootFilesystemImages: ["public.ecr.aws/aws-observability/"] },
        violating: () => [classicTask(APP, { name: "sidecar", image: "public.ecr.aws/aws-observability-tools/shell:latest" })],
        compliant: () => [classicTask(APP, { name: "sidecar", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable" })],
    },
    {
        title: 'root written as "0:0"',
        policy: "workload-ecs-non-root-user",
        violating: () => [classicTask({ ...APP, user: "0:0" })],
        compliant: () => [classicTask({ ...APP, user: "10001:0" })],
    },
    {
        title: "a public IP on a task set (not a service), and aws-native's mixed-case ENABLED",
        policy: "ingress-ecs-service-public-ip",
        violating: () => [
            resource("aws:ecs/taskSet:TaskSet", "canary", { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: "true" } }),
            resource("aws-native:ecs:Service", "orders", { networkConfiguration: { awsvpcConfiguration: { assignPublicIp: "Enabled" } } }),
        ],
        compliant: () => [
            resource("aws:ecs/taskSet:TaskSet", "canary", { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: false } }),
            resource("aws-native:ecs:Service", "orders", { networkConfiguration: { awsvpcConfiguration: { assignPublicIp: "DISABLED" } } }),
        ],
    },
    {
        title: "an HTTP target group named by its literal ARN in a weighted forward block of an HTTPS listener",
        policy: "tls-load-balancer-target-group",
        violating: () => [
            resource("aws:lb/targetGroup:TargetGroup", "orders", { protocol: "HTTP", port: 8080, arn: TG_ARN }),
            httpsListener([{ type: "forward", forward: { targetGroups: [{ arn: TG_ARN, weight: 100 }] } }]),
        ],
        compliant: () => [
            resource("aws:lb/targetGroup:TargetGroup", "orders", {
                protocol: "HTTPS",
                port: 8443,
                arn: TG_ARN,
                healthCheck: { protocol: "HTTPS" },
            }),
            httpsListener([{ type: "forward", forward: { targetGroups: [{ arn: TG_ARN, weight: 100 }] } }]),
        ],
    },
    {
        title: "an HTTPS target group whose health checks stay on HTTP (the unset default)",
        policy: "tls-load-balancer-target-group",
        violating: () => {
            const group = resource("aws-native:elasticloadbalancingv2:TargetGroup", "orders", { protocol: "HTTPS", port: 8443 });
            return [group, dependsOnVia(httpsListener([{ type: "forward" }]), "defaultActions", group)];
        },
        compliant: () => {
            const group = resource("aws-native:elasticloadbalancingv2:TargetGroup", "orders", {
                protocol: "HTTPS",
                port: 8443,
                healthCheckProtocol: "HTTPS",
            });
            return [group, dependsOnVia(httpsListener([{ type: "forward" }]), "defaultActions", group)];
        },
    },
];
