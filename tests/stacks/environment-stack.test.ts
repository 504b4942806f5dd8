import * as assert from "assert";
import { readStackConfig } from "../../offline-preview/stack-config";
import { SETTINGS_ENV } from "../../responder/settings";
import { ConfigError } from "../../stacks/config/config-error";
import { resourceMatches } from "../../iam/evaluator/policy-evaluator";
import { decoded, ROOT, runStack, valueOf, type StackRun } from "./stack-harness";

describe("environment stack", () => {
    describe("staging", () => {
        let run: StackRun;
        before(async () => {
            run = await runStack("staging");
        });

        it("runs without error and exports the network outputs", async () => {
            assert.strictEqual(run.error, undefined);
            const outputs = run.outputs;
            assert.ok(outputs !== undefined);
            assert.strictEqual(await valueOf(outputs.vpcId), run.mocks.named("staging-network-vpc").id);
            assert.match(await valueOf(outputs.vpcId), /^vpc-[0-9a-f]+$/);
            assert.strictEqual(await valueOf(outputs.vpcCidr), "10.20.0.0/16");
            assert.deepStrictEqual(
                [
                    outputs.publicSubnetIds.length,
                    outputs.privateSubnetIds.length,
                    outputs.isolatedSubnetIds.length,
                    outputs.privateRouteTableIds.length,
                ],
                [3, 3, 3, 3],
            );
            assert.strictEqual(await valueOf(outputs.flowLogGroupName), "/zero-trust/staging/vpc-flow-logs/staging-network");
            assert.strictEqual(await valueOf(outputs.dataSecurityGroupId), run.mocks.named("staging-network-sg-data").id);
        });

        it("creates one AWS provider pinned to the account and home region, with the common tags (its twin serves the other watched region)", () => {
            const providers = run.mocks.ofType("pulumi:providers:aws");
            assert.deepStrictEqual(
                providers.map((p) => p.name),
                ["staging", "staging-eu-central-1"],
            );
            const provider = providers[0];
            assert.strictEqual(provider.name, "staging");
            assert.strictEqual(provider.inputs.region, "eu-west-1");
            assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), ["111111111111"]);
            assert.deepStrictEqual(decoded(provider.inputs.defaultTags), {
                tags: {
                    Environment: "staging",
                    CostCenter: "platform",
                    ManagedBy: "pulumi",
                    Stack: "staging",
                    "zero-trust:owner": "platform",
                },
            });
        });

        it("gives every AWS resource that provider explicitly, or its twin for the other watched region's (named after it)", () => {
            const [home, twin] = [run.mocks.providerReference("staging"), run.mocks.providerReference("staging-eu-central-1")];
            const resources = run.mocks.registrations.filter((r) => r.type.startsWith("aws:"));
            assert.ok(resources.filter((r) => r.provider === home).length > 50);
            for (const resource of resources) {
                assert.strictEqual(
                    resource.provider,
                    resource.name.includes("-eu-central-1") ? twin : home,
                    `${resource.type} ${resource.name}`,
                );
            }
            assert.match(
                run.mocks.providerReference("staging"),
                /::zero-trust:account:MemberAccount\$pulumi:providers:aws::staging::[0-9a-f-]{36}$/,
            );
        });

        it("builds the network the config describes (single NAT, the configured endpoints)", () => {
            assert.strictEqual(run.mocks.ofType("zero-trust:network:ThreeTierVpc").length, 1);
            assert.strictEqual(run.mocks.ofType("aws:ec2/natGateway:NatGateway").length, 1);
            const interfaces = run.mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
            // The defaults and ECR's two, which the workloads pull their images through.
            assert.strictEqual(interfaces.length, 9);
            assert.strictEqual(run.mocks.named("staging-network-flow-logs-group").inputs.retentionInDays, 365);
        });

        it("builds the internet entry point from the stack's certificate and exports the load balancer", async () => {
            // One internet-facing load balancer; the workloads' internal ones are in tests/workload.
            const [alb, ...others] = run.mocks.ofType("aws:lb/loadBalancer:LoadBalancer").filter((lb) => lb.inputs.internal !== true);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(alb.inputs.internal, false);
            const [https] = run.mocks.ofType("aws:lb/listener:Listener").filter((l) => l.inputs.port === 443 && l.parent === alb.parent);
            assert.deepStrictEqual(
                [https.inputs.certificateArn, https.inputs.sslPolicy],
                [
                    "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63",
                    "ELBSecurityPolicy-TLS13-1-2-2021-06",
                ],
            );
            const outputs = run.outputs;
            assert.ok(outputs?.loadBalancerArn !== undefined);
            assert.strictEqual(await valueOf(outputs.loadBalancerArn), alb.outputs.arn);
            assert.ok("loadBalancerDnsName" in outputs);
        });
    });

    describe("GuardDuty", () => {
        let run: StackRun;
        before(async () => {
            run = await runStack("staging");
        });

        it("adopts the detector the organisation's delegated administrator enabled (detection.detectorId): imported, protected, no plans of its own", async () => {
            assert.deepStrictEqual(
                run.mocks.ofType("zero-trust:detection:GuardDutyDetector").map((c) => c.name),
                ["staging-guardduty", "staging-guardduty-eu-central-1"],
            );
            const detector = run.mocks.named("staging-guardduty-detector");
            assert.deepStrictEqual(
                [detector.id, detector.inputs, detector.protect, detector.provider],
                ["3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6", { enable: true }, true, run.mocks.providerReference("staging")],
            );
            assert.deepStrictEqual(
                run.mocks.ofType("aws:guardduty/detectorFeature:DetectorFeature"),
                [],
                "protection plans are the administrator's",
            );
            assert.ok(run.outputs !== undefined);
            assert.strictEqual(await valueOf(run.outputs.guardDutyDetectorId), "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6");
            assert.strictEqual(run.mocks.named("staging-findings-export").inputs.detectorId, "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6");
        });

        it("without detection.detectorId: creates one protected detector with every protection plan through the environment's provider", async () => {
            const { mocks, error } = await runStack("staging", { "zero-trust-aws:detection": "{}" });
            assert.strictEqual(error, undefined);
            const detector = mocks.named("staging-guardduty-detector");
            assert.deepStrictEqual(
                [detector.inputs.enable, detector.inputs.findingPublishingFrequency, detector.protect, detector.provider],
                [true, "FIFTEEN_MINUTES", true, mocks.providerReference("staging")],
            );
            assert.notStrictEqual(detector.id, "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6");
            const features = mocks
                .ofType("aws:guardduty/detectorFeature:DetectorFeature")
                .filter((f) => f.provider === mocks.providerReference("staging"));
            assert.deepStrictEqual(
                features.map((f) => `${String(f.inputs.name)}=${String(f.inputs.status)}`).sort(),
                [
                    "EBS_MALWARE_PROTECTION",
                    "EKS_AUDIT_LOGS",
                    "LAMBDA_NETWORK_LOGS",
                    "RDS_LOGIN_EVENTS",
                    "RUNTIME_MONITORING",
                    "S3_DATA_EVENTS",
                ].map((f) => `${f}=ENABLED`),
            );
        });

        it("refuses protection plans or a publishing frequency next to detection.detectorId (the administrator sets them)", async () => {
            const { mocks, error } = await runStack("staging", {
                "zero-trust-aws:detection": JSON.stringify({
                    detectorId: "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6",
                    findingPublishingFrequency: "ONE_HOUR",
                }),
            });
            assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
            assert.strictEqual(
                error.message,
                'invalid config zero-trust-aws:detection.findingPublishingFrequency="ONE_HOUR": expected nothing with detectorId: the organisation\'s delegated GuardDuty administrator sets protection plans and publishing frequency for member accounts',
            );
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
                [],
            );
        });

        it("follows zero-trust-aws:detection: a subset of plans (the rest DISABLED) and another publishing frequency", async () => {
            const { mocks, error } = await runStack("staging", {
                "zero-trust-aws:detection": JSON.stringify({
                    guardDutyFeatures: ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS"],
                    findingPublishingFrequency: "ONE_HOUR",
                }),
            });
            assert.strictEqual(error, undefined);
            assert.strictEqual(mocks.named("staging-guardduty-detector").inputs.findingPublishingFrequency, "ONE_HOUR");
            const enabled = mocks
                .ofType("aws:guardduty/detectorFeature:DetectorFeature")
                .filter((f) => f.inputs.status === "ENABLED")
                .map((f) => f.inputs.name)
                .sort();
            // In both watched regions.
            assert.deepStrictEqual(enabled, ["EKS_AUDIT_LOGS", "EKS_AUDIT_LOGS", "S3_DATA_EVENTS", "S3_DATA_EVENTS"]);
            assert.strictEqual(mocks.ofType("aws:guardduty/detectorFeature:DetectorFeature").length, 12);
        });

        it("refuses a bad detection config before declaring any resource", async () => {
            const { mocks, error } = await runStack("staging", {
                "zero-trust-aws:detection": JSON.stringify({ findingPublishingFrequency: "HOURLY" }),
            });
            assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
            assert.strictEqual(
                error.message,
                'invalid config zero-trust-aws:detection.findingPublishingFrequency="HOURLY": expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS',
            );
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
                [],
            );
        });
    });

    describe("key ring", () => {
        const PURPOSES = ["logs", "volumes", "secrets", "data", "findings", "alerts"];
        const APPLICATIONS = ["orders", "fulfilment", "timesheets"];
        // Application keys wait for their workload's roles (KMS checks the principals), so they come last.
        const KEYS = [...PURPOSES.map((p) => `purpose-${p}`), ...APPLICATIONS.map((a) => `app-${a}`)];
        let staging: Awaited<ReturnType<typeof runStack>>;
        let prod: Awaited<ReturnType<typeof runStack>>;
        before(async () => {
            staging = await runStack("staging");
            prod = await runStack("prod");
        });

        it("staging: one single-Region key per application and purpose, protected, through the environment's provider, no replicas", () => {
            assert.strictEqual(staging.error, undefined);
            const ring = staging.mocks.named("staging-keys");
            assert.strictEqual(ring.type, "zero-trust:encryption:KeyRing");
            // The home ring's keys; eu-central-1 has a ring of its own (regions-stack.test.ts).
            const keys = staging.mocks.ofType("aws:kms/key:Key").filter((k) => k.parent === ring.urn);
            assert.deepStrictEqual(
                keys.map((k) => k.name),
                KEYS.map((k) => `staging-keys-${k}`),
            );
            for (const key of keys) {
                assert.deepStrictEqual(
                    [
                        key.inputs.enableKeyRotation,
                        key.inputs.deletionWindowInDays,
                        key.inputs.multiRegion,
                        key.protect,
                        key.provider,
                        key.parent,
                    ],
                    [true, 30, false, true, staging.mocks.providerReference("staging"), ring.urn],
                    key.name,
                );
            }
            assert.deepStrictEqual(staging.mocks.ofType("aws:kms/replicaKey:ReplicaKey"), []);
            assert.deepStrictEqual(
                staging.mocks
                    .ofType("aws:kms/alias:Alias")
                    .filter((a) => a.parent === ring.urn)
                    .map((a) => a.inputs.name),
                [...PURPOSES.map((p) => `alias/staging/purpose/${p}`), ...APPLICATIONS.map((a) => `alias/staging/${a}`)],
            );
        });

        it("staging: the orders key is used by the orders workload's session role and administered by its administrators", () => {
            const policy = JSON.parse(staging.mocks.named("staging-keys-app-orders").inputs.policy as string) as {
                Statement: { Sid: string; Principal: { AWS: string[] } }[];
            };
            const bySid = Object.fromEntries(policy.Statement.map((s) => [s.Sid, s.Principal]));
            assert.deepStrictEqual(bySid["KeyUsersUseKey"], { AWS: ["arn:aws:iam::111111111111:role/staging-orders-session"] });
            assert.deepStrictEqual(bySid["KeyAdministratorsManageButDoNotUse"], {
                AWS: ["arn:aws:iam::111111111111:role/OrganizationAccountAccessRole", "arn:aws:iam::111111111111:role/break-glass"],
            });
        });

        it("encrypts the flow log group with the ring's logs key, whose policy admits that log group", () => {
            for (const [run, env] of [
                [staging, "staging"],
                [prod, "prod"],
            ] as const) {
                const logsKey = run.mocks.named(`${env}-keys-purpose-logs`);
                const group = run.mocks.named(`${env}-network-flow-logs-group`);
                assert.strictEqual(group.inputs.kmsKeyId, logsKey.outputs.arn, env);
                assert.deepStrictEqual(group.propertyDependencies["kmsKeyId"], [logsKey.urn], env);
                const policy = JSON.parse(logsKey.inputs.policy as string) as {
                    Statement: { Principal: { Service?: string }; Condition?: { ArnLike?: Record<string, string> } }[];
                };
                const logs = policy.Statement.find((s) => s.Principal.Service === "logs.eu-west-1.amazonaws.com");
                const pattern = logs?.Condition?.ArnLike?.["kms:EncryptionContext:aws:logs:arn"];
                assert.strictEqual(
                    pattern,
                    `arn:aws:logs:eu-west-1:${env === "prod" ? "222222222222" : "111111111111"}:log-group:/zero-trust/${env}/*`,
                );
                assert.ok(resourceMatches(pattern, String(group.outputs.arn)), `${String(group.outputs.arn)} is not under ${pattern}`);
                assert.deepStrictEqual(
                    run.mocks.ofType("aws:kms/key:Key").filter((k) => k.name.includes("network")),
                    [],
                    "the network makes no key of its own",
                );
            }
        });

        it("exports the key ARNs by application and purpose, and the flow log key is the logs key", async () => {
            const outputs = staging.outputs;
            assert.ok(outputs !== undefined);
            const arnOf = (name: string) => staging.mocks.named(`staging-keys-${name}`).outputs.arn;
            assert.deepStrictEqual(await valueOf(outputs.keyArns.applications["orders"]), arnOf("app-orders"));
            for (const purpose of PURPOSES) {
                assert.strictEqual(await valueOf(outputs.keyArns.purposes[purpose as "logs"]), arnOf(`purpose-${purpose}`), purpose);
            }
            assert.strictEqual(await valueOf(outputs.flowLogKeyArn), arnOf("purpose-logs"));
            assert.deepStrictEqual(outputs.replicaKeyArns, {});
        });

        it("prod: a second provider for eu-central-1 with the environment's account allow-list and tags", () => {
            assert.strictEqual(prod.error, undefined);
            const providers = prod.mocks.ofType("pulumi:providers:aws");
            assert.deepStrictEqual(
                providers.map((p) => p.name),
                ["prod", "prod-eu-central-1"],
            );
            const [main, regional] = providers;
            assert.deepStrictEqual([main.inputs.region, regional.inputs.region], ["eu-west-1", "eu-central-1"]);
            assert.deepStrictEqual(decoded(regional.inputs.allowedAccountIds), ["222222222222"]);
            assert.deepStrictEqual(decoded(regional.inputs.defaultTags), decoded(main.inputs.defaultTags));
        });

        it("prod: multi-Region keys replicated to eu-central-1 through its provider; everything of the home region through the environment's", () => {
            const regional = prod.mocks.providerReference("prod-eu-central-1");
            const main = prod.mocks.providerReference("prod");
            assert.deepStrictEqual(
                prod.mocks.ofType("aws:kms/key:Key").map((k) => k.inputs.multiRegion),
                KEYS.map(() => true),
            );
            const replicas = prod.mocks.ofType("aws:kms/replicaKey:ReplicaKey");
            assert.deepStrictEqual(
                replicas.map((r) => r.name),
                KEYS.map((k) => `prod-keys-${k}-eu-central-1`),
            );
            for (const replica of replicas) {
                assert.deepStrictEqual(
                    [replica.provider, replica.protect, replica.inputs.deletionWindowInDays],
                    [regional, true, 30],
                    replica.name,
                );
            }
            for (const resource of prod.mocks.registrations.filter((r) => r.type.startsWith("aws:"))) {
                const expected = resource.name.includes("-eu-central-1") ? regional : main;
                assert.strictEqual(resource.provider, expected, `${resource.type} ${resource.name}`);
            }
            assert.strictEqual(
                prod.mocks.registrations.filter((r) => r.provider === regional && r.type.startsWith("aws:kms/")).length,
                KEYS.length * 2,
                "replicas and their aliases",
            );
        });

        it("prod: exports the replica ARNs of eu-central-1", async () => {
            const outputs = prod.outputs;
            assert.ok(outputs !== undefined);
            assert.deepStrictEqual(Object.keys(outputs.replicaKeyArns), ["eu-central-1"]);
            assert.strictEqual(
                await valueOf(outputs.replicaKeyArns["eu-central-1"].applications["orders"]),
                prod.mocks.named("prod-keys-app-orders-eu-central-1").outputs.arn,
            );
            assert.match(await valueOf(outputs.replicaKeyArns["eu-central-1"].purposes.logs), /^arn:aws:kms:eu-central-1:222222222222:/);
        });

        it("refuses a bad encryption config before declaring any resource", async () => {
            const { mocks, error } = await runStack("staging", {
                "zero-trust-aws:encryption": JSON.stringify({ keyAdministrators: ["arn:aws:iam::222222222222:role/break-glass"] }),
            });
            assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
            assert.strictEqual(
                error.message,
                'invalid config zero-trust-aws:encryption.keyAdministrators[0]="arn:aws:iam::222222222222:role/break-glass": expected a role of the stack\'s account 111111111111 (accountId); this one is in 222222222222',
            );
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
                [],
            );
        });
    });

    it("without network.loadBalancer: no load balancer, no internet ingress, no load balancer outputs", async () => {
        const network = JSON.parse(readStackConfig(ROOT, "staging").config["zero-trust-aws:network"]) as Record<string, unknown>;
        delete network["loadBalancer"];
        // Without the load balancer no application may have an entry route: the workloads go too.
        const { mocks, outputs, error } = await runStack("staging", {
            "zero-trust-aws:network": JSON.stringify(network),
            "zero-trust-aws:workloads": undefined,
        });
        assert.strictEqual(error, undefined);
        assert.deepStrictEqual(mocks.ofType("aws:lb/loadBalancer:LoadBalancer"), []);
        assert.deepStrictEqual(
            mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0"),
            [],
        );
        assert.deepStrictEqual([outputs?.loadBalancerArn, outputs?.loadBalancerDnsName], [undefined, undefined]);
    });

    it("prod: one NAT per AZ and its own retention", async () => {
        const { mocks, error } = await runStack("prod");
        assert.strictEqual(error, undefined);
        assert.strictEqual(mocks.ofType("aws:ec2/natGateway:NatGateway").length, 3);
        assert.strictEqual(mocks.named("prod-network-flow-logs-group").inputs.retentionInDays, 731);
        assert.match(mocks.named("prod").type, /^pulumi:providers:aws$/);
        const [https] = mocks.ofType("aws:lb/listener:Listener").filter((l) => l.inputs.port === 443);
        assert.match(String(https.inputs.certificateArn), /^arn:aws:acm:eu-west-1:222222222222:certificate\//);
    });

    it("refuses bad config before declaring any resource", async () => {
        const network = JSON.parse(readStackConfig(ROOT, "staging").config["zero-trust-aws:network"]) as Record<string, unknown>;
        const { mocks, error } = await runStack("staging", {
            "zero-trust-aws:network": JSON.stringify({ ...network, vpcCidr: "10.20.0.0/99" }),
        });
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        assert.strictEqual(
            error.message,
            'invalid config zero-trust-aws:network.vpcCidr="10.20.0.0/99": expected an IPv4 CIDR with a prefix from /16 to /28',
        );
        const declared = mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack");
        assert.deepStrictEqual(declared, []);
    });
});

describe("environment stack: automated responder", () => {
    let staging: StackRun;
    let prod: StackRun;
    before(async () => {
        staging = await runStack("staging");
        prod = await runStack("prod");
    });

    /** The responder function's environment variables. */
    const settingsOf = (run: StackRun, env: string): Record<string, string> =>
        (decoded(run.mocks.named(`${env}-responder-function`).inputs.environment) as { variables: Record<string, string> }).variables;

    it("builds one responder through the environment's provider, a second target of the findings alert rule", () => {
        assert.strictEqual(staging.error, undefined);
        assert.deepStrictEqual(
            staging.mocks.ofType("zero-trust:response:AutomatedResponder").map((c) => c.name),
            ["staging-responder", "staging-responder-eu-central-1"],
        );
        const provider = staging.mocks.providerReference("staging");
        const children = staging.mocks.registrations.filter(
            (r) => r.urn.includes("AutomatedResponder$") && r.type.startsWith("aws:") && !r.name.includes("-eu-central-1"),
        );
        assert.ok(children.length > 10);
        for (const child of children) {
            assert.strictEqual(child.provider, provider, child.name);
        }
        const target = staging.mocks.named("staging-responder-target");
        assert.deepStrictEqual(
            [target.inputs.rule, target.inputs.arn],
            ["staging-guardduty-findings-alert", staging.mocks.named("staging-responder-function").outputs.arn],
        );
    });

    it("quarantines into a rule-less group in each VPC of the home region (the environment's and the default one), and follows detection.responder: staging acts, prod dry-runs", () => {
        const quarantine = staging.mocks.named("staging-responder-quarantine-main");
        const defaultQuarantine = staging.mocks.named("staging-responder-quarantine-default");
        assert.deepStrictEqual(
            [quarantine.inputs.vpcId, quarantine.inputs.ingress, quarantine.inputs.egress],
            [staging.mocks.named("staging-network-vpc").id, [], []],
        );
        assert.deepStrictEqual(
            [defaultQuarantine.inputs.vpcId, defaultQuarantine.inputs.ingress, defaultQuarantine.inputs.egress],
            [staging.mocks.named("staging-default-vpc-vpc").id, [], []],
        );
        assert.deepStrictEqual(JSON.parse(settingsOf(staging, "staging")[SETTINGS_ENV.quarantineGroups]), {
            [staging.mocks.named("staging-network-vpc").id]: quarantine.id,
            [staging.mocks.named("staging-default-vpc-vpc").id]: defaultQuarantine.id,
        });
        assert.strictEqual(settingsOf(staging, "staging")[SETTINGS_ENV.dryRun], "false");
        assert.strictEqual(settingsOf(prod, "prod")[SETTINGS_ENV.dryRun], "true");
        assert.strictEqual(settingsOf(prod, "prod")[SETTINGS_ENV.severityThreshold], "7");
    });

    it("exports the function, its outcomes topic, its dead-letter queue and the quarantine groups", async () => {
        const outputs = staging.outputs;
        assert.ok(outputs !== undefined);
        assert.strictEqual(await valueOf(outputs.responderFunctionName), staging.mocks.named("staging-responder-function").inputs.name);
        assert.strictEqual(await valueOf(outputs.responderOutcomesTopicArn), staging.mocks.named("staging-responder-outcomes").outputs.arn);
        assert.strictEqual(
            await valueOf(outputs.quarantineSecurityGroupIds["main"]),
            staging.mocks.named("staging-responder-quarantine-main").id,
        );
    });
});
