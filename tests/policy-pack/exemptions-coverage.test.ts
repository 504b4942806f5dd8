// Every policy of the pack applies its exemptions through the one function (exemptions/apply.ts):
// for each policy in allPolicies, a violating input is reported without exemptions; with an
// exemption that matches every resource nothing is reported, and the run's ledger holds the
// exemption for every resource that was reported (only isExempt writes the ledger). A policy
// added without a violating input here fails the first test.

import { strict as assert } from "assert";
import type {
    Policy,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    StackValidation,
    StackValidationArgs,
} from "../../policy-pack/node_modules/@pulumi/policy";
import { allPolicies } from "../../policy-pack/policies";
import { appliedIn } from "../../policy-pack/policies/exemptions/ledger";
import { dependsOnVia, PolicyResource, resource } from "./harness";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const BUCKET = "aws:s3/bucket:Bucket";
const KEY = "aws:kms/key:Key";
const world = (fromPort: number) => ({
    vpcId: "vpc-1",
    ingress: [{ protocol: "tcp", fromPort, toPort: fromPort, cidrBlocks: ["0.0.0.0/0"] }],
});

/** A violating stack per stack policy (a resource policy is checked on each resource alone). */
function violatingInput(name: string): PolicyResource[] {
    switch (name) {
        case "ingress-no-internet-security-group":
            return [resource(SG, "sg", world(22))];
        case "ingress-no-internet-nacl":
            return [
                resource("aws:ec2/networkAclRule:NetworkAclRule", "rule", {
                    ruleAction: "allow",
                    egress: false,
                    protocol: "-1",
                    cidrBlock: "0.0.0.0/0",
                    ruleNumber: 100,
                }),
            ];
        case "ingress-no-internet-prefix-list":
            return [
                resource("aws:ec2/managedPrefixList:ManagedPrefixList", "pl", {
                    addressFamily: "IPv4",
                    maxEntries: 1,
                    entries: [{ cidr: "0.0.0.0/0" }],
                }),
            ];
        case "ingress-no-internet-across-security-group-rules": {
            const sg = resource(SG, "sg", { vpcId: "vpc-1" });
            const part = (name: string, cidrIpv4: string) =>
                dependsOnVia(
                    resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, {
                        ipProtocol: "tcp",
                        fromPort: 22,
                        toPort: 22,
                        cidrIpv4,
                    }),
                    "securityGroupId",
                    sg,
                );
            // Three public /9s: each narrower than a /8, together wider (public in all but name).
            return [sg, part("a", "11.0.0.0/9"), part("b", "11.128.0.0/9"), part("c", "12.0.0.0/9")];
        }
        case "ingress-no-internet-across-prefix-list-entries": {
            const entry = (name: string, cidr: string) =>
                resource("aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", name, { prefixListId: "pl-0123456789abcdef0", cidr });
            return [entry("a", "11.0.0.0/9"), entry("b", "11.128.0.0/9"), entry("c", "12.0.0.0/9")];
        }
        case "ingress-no-internet-lightsail-instance":
            return [
                resource("aws:lightsail/instancePublicPorts:InstancePublicPorts", "ports", {
                    instanceName: "web",
                    portInfos: [{ protocol: "tcp", fromPort: 22, toPort: 22 }],
                }),
            ];
        case "ingress-public-only-via-load-balancer": {
            const sg = resource(SG, "web-sg", world(443));
            return [sg, dependsOnVia(resource("aws:ec2/instance:Instance", "web", {}), "vpcSecurityGroupIds", sg)];
        }
        case "ingress-api-gateway-route-authorization":
            return [resource("aws:apigatewayv2/route:Route", "route", { apiId: "a", routeKey: "GET /" })];
        case "ingress-api-gateway-method-authorization":
            return [resource("aws:apigateway/method:Method", "method", { httpMethod: "GET", authorization: "NONE" })];
        case "ingress-lambda-function-url-auth":
            return [resource("aws:lambda/functionUrl:FunctionUrl", "url", { authorizationType: "NONE" })];
        case "ingress-private-integration-authorizer": {
            const api = resource("aws:apigatewayv2/api:Api", "api", { protocolType: "HTTP" });
            const link = resource("aws:apigatewayv2/integration:Integration", "link", { connectionType: "VPC_LINK" });
            return [
                api,
                dependsOnVia(link, "apiId", api),
                dependsOnVia(resource("aws:apigatewayv2/route:Route", "route", { routeKey: "GET /" }), "apiId", api),
            ];
        }
        case "tls-load-balancer-listener":
            return [resource("aws:lb/listener:Listener", "listener", { protocol: "HTTPS", port: 443 })];
        case "tls-load-balancer-listener-rule": {
            const listener = resource("aws:lb/listener:Listener", "http", {
                protocol: "HTTP",
                port: 80,
                defaultActions: [{ type: "fixed-response" }],
            });
            const rule = resource("aws:lb/listenerRule:ListenerRule", "rule", { actions: [{ type: "forward", targetGroupArn: "arn" }] });
            return [listener, dependsOnVia(rule, "listenerArn", listener)];
        }
        case "tls-classic-load-balancer-listener":
            return [
                resource("aws:elb/loadBalancer:LoadBalancer", "classic", {
                    listeners: [{ lbPort: 80, lbProtocol: "HTTP", instancePort: 80, instanceProtocol: "HTTP" }],
                }),
            ];
        case "tls-classic-load-balancer-ssl-policy":
            return [
                resource("aws:elb/sslNegotiationPolicy:SslNegotiationPolicy", "ssl", {
                    loadBalancer: "classic",
                    lbPort: 443,
                    attributes: [{ name: "Protocol-TLSv1", value: "true" }],
                }),
            ];
        case "tls-cloudfront-distribution":
            return [
                resource("aws:cloudfront/distribution:Distribution", "cdn", { viewerCertificate: { cloudfrontDefaultCertificate: true } }),
            ];
        case "tls-api-gateway-domain":
            return [resource("aws:apigateway/domainName:DomainName", "api", { securityPolicy: "TLS_1_0" })];
        case "tls-opensearch-domain":
            return [resource("aws:opensearch/domain:Domain", "search", { domainEndpointOptions: { enforceHttps: false } })];
        case "tls-elasticache-in-transit":
            return [resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { transitEncryptionEnabled: false })];
        case "tls-msk-in-transit":
            return [
                resource("aws:msk/cluster:Cluster", "kafka", { encryptionInfo: { encryptionInTransit: { clientBroker: "PLAINTEXT" } } }),
            ];
        case "tls-memorydb-in-transit":
            return [resource("aws:memorydb/cluster:Cluster", "memory", { tlsEnabled: false })];
        case "tls-dms-endpoint":
            return [resource("aws:dms/endpoint:Endpoint", "source", { engineName: "postgres", sslMode: "none" })];
        case "tls-database-parameter-group":
            return [resource("aws:rds/parameterGroup:ParameterGroup", "pg", { family: "postgres16", parameters: [] })];
        case "tls-database-enforcing-parameter-group":
            return [resource("aws:rds/instance:Instance", "db", { engine: "postgres" })];
        case "encryption-at-rest-customer-managed-key":
            return [resource("aws:sns/topic:Topic", "topic", {})];
        case "encryption-kms-key-rotation":
            return [resource(KEY, "key", { enableKeyRotation: false })];
        case "encryption-kms-key-deletion-window":
            return [resource(KEY, "key", { deletionWindowInDays: 7 })];
        case "encryption-secret-rotation":
            return [resource("aws:secretsmanager/secret:Secret", "secret", {})];
        case "stack-vpc-flow-logs":
            return [resource("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" })];
        case "stack-s3-bucket-encryption":
        case "stack-s3-bucket-public-access-block":
        case "tls-s3-bucket-policy-denies-insecure-transport":
            return [resource(BUCKET, "data", { bucket: "acme-data" })];
        case "stack-detection-guardduty-enabled":
            return [resource("aws:guardduty/detector:Detector", "detector", { enable: false })];
        case "stack-detection-cloudtrail-logging-on":
            return [resource("aws:cloudtrail/trail:Trail", "trail", { enableLogging: false })];
        case "ingress-ecs-service-public-ip":
            return [resource("aws:ecs/service:Service", "svc", { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: true } })];
        case "workload-ecs-no-privileged-container":
            return [
                resource("aws-native:ecs:TaskDefinition", "task", {
                    containerDefinitions: [{ name: "app", image: "app", privileged: true }],
                }),
            ];
        case "workload-ecs-no-host-network":
            return [resource("aws:ecs/taskDefinition:TaskDefinition", "task", { networkMode: "host", containerDefinitions: "[]" })];
        case "workload-ecs-read-only-root-filesystem":
        case "workload-ecs-non-root-user":
            return [resource("aws:ecs/taskDefinition:TaskDefinition", "task", { containerDefinitions: '[{"name":"app","image":"app"}]' })];
        case "identity-no-iam-users":
            return [
                resource("aws:iam/user:User", "user", { name: "alice" }),
                resource("aws:iam/accessKey:AccessKey", "key", { user: "alice" }),
                resource("aws-native:iam:User", "native", { userName: "bob", loginProfile: { password: "x" } }),
            ];
        case "identity-role-session-duration":
            return [resource("aws:iam/role:Role", "role", { name: "ci", maxSessionDuration: 43200 })];
        case "identity-permission-set-session-duration":
            return [resource("aws-native:sso:PermissionSet", "set", { name: "admin", sessionDuration: "PT12H" })];
        case "tls-load-balancer-target-group": {
            const group = resource("aws:lb/targetGroup:TargetGroup", "tg", { protocol: "HTTP", port: 8080 });
            return [
                group,
                dependsOnVia(resource("aws:lb/listener:Listener", "https", { protocol: "HTTPS", port: 443 }), "defaultActions", group),
            ];
        }
        case "tls-internal-listener-client-certificates": {
            const lb = resource("aws:lb/loadBalancer:LoadBalancer", "alb", { internal: true });
            return [
                lb,
                dependsOnVia(resource("aws:lb/listener:Listener", "https", { protocol: "HTTPS", port: 443 }), "loadBalancerArn", lb),
            ];
        }
        case "identity-trust-policy-open-principal":
            return [
                resource("aws:iam/role:Role", "role", {
                    assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }] }),
                }),
            ];
        case "identity-oidc-trust-pinned":
            return [
                resource("aws-native:iam:Role", "role", {
                    assumeRolePolicyDocument: {
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
                                Action: "sts:AssumeRoleWithWebIdentity",
                            },
                        ],
                    },
                }),
            ];
        case "identity-policy-admin-access":
            return [
                resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "admin", {
                    role: "ci",
                    policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
                }),
            ];
        case "exemptions-in-use":
            return violatingInput("ingress-no-internet-security-group");
        default:
            return [];
    }
}

interface Finding {
    message: string;
    urn: string;
}

/** Runs a policy the way the SDK's server does, in one run (one stackTags object). */
function run(policy: Policy, resources: PolicyResource[], stackTags: ReadonlyMap<string, string>, config: object): Finding[] {
    const found: Finding[] = [];
    const getConfig = <T extends object>() => config as T;
    if ("validateStack" in policy) {
        const args = { resources, stackTags, getConfig, notApplicable: () => undefined } as unknown as StackValidationArgs;
        const result = (policy.validateStack as StackValidation)(args, (message, urn) => found.push({ message, urn: urn ?? "" }));
        assert.ok(!(result instanceof Promise));
        return found;
    }
    const validations = ([] as ResourceValidation[]).concat(
        (policy as { validateResource?: ResourceValidation | ResourceValidation[] }).validateResource ?? [],
    );
    for (const r of resources) {
        const args = {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: r.props,
            opts: r.opts,
            stackTags,
            getConfig,
            notApplicable: () => undefined,
        } as unknown as ResourceValidationArgs;
        const report: ReportViolation = (message) => found.push({ message, urn: r.urn });
        for (const validate of validations) {
            assert.ok(!(validate(args, report) instanceof Promise));
        }
    }
    return found;
}

const everything = { exemptions: [{ resourceName: "*", reason: "coverage test: every resource is exempt" }] };

describe("exemptions reach every policy", () => {
    it("has a violating input for every policy of the pack", () => {
        for (const policy of allPolicies) {
            assert.ok(violatingInput(policy.name).length > 0, `no violating input for ${policy.name}`);
        }
    });

    for (const policy of allPolicies) {
        it(`${policy.name}: a catch-all exemption silences every report, and isExempt records each`, () => {
            const resources = violatingInput(policy.name);
            // Two runs (the SDK's stackTags object per run): one without exemptions, one with.
            // Tagged an environment stack, so that the detection policies apply.
            const plainRun = new Map([["zero-trust:environment", "true"]]);
            const stackTags = new Map([["zero-trust:environment", "true"]]);
            if (policy.name === "exemptions-in-use") {
                // Its input is an exemption another policy applied in the same run.
                const sg = allPolicies.find((p) => p.name === "ingress-no-internet-security-group");
                assert.ok(sg !== undefined);
                for (const tags of [plainRun, stackTags]) {
                    assert.deepEqual(run(sg, resources, tags, everything), []);
                }
            }
            const reported = run(policy, resources, plainRun, {});
            assert.ok(reported.length > 0, `${policy.name} reports nothing on its violating input`);
            assert.deepEqual(run(policy, resources, stackTags, everything), [], `${policy.name} reports an exempt resource`);
            const recorded = new Set(
                appliedIn(stackTags)
                    .filter((a) => a.policy === policy.name)
                    .map((a) => a.urn),
            );
            assert.deepEqual(
                [...new Set(reported.map((f) => f.urn))].filter((urn) => !recorded.has(urn)),
                [],
                `${policy.name}: exemptions not recorded`,
            );
        });
    }
});
