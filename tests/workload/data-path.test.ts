import * as assert from "assert";
import { authorize, type Decision } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import type { Registration } from "../network/recording-mocks";
import { runStack, type StackRun } from "../stacks/stack-harness";

// The workload tier's data path, checked on staging's real plan (the program run from
// Pulumi.staging.yaml): who reaches which security group, where the database lives, and what the
// orders service's role can do, decided by the project's IAM evaluator.

const T = {
    sg: "aws:ec2/securityGroup:SecurityGroup",
    in: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    out: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    subnet: "aws:ec2/subnet:Subnet",
    subnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    role: "aws:iam/role:Role",
    secret: "aws:secretsmanager/secret:Secret",
    secretPolicy: "aws:secretsmanager/secretPolicy:SecretPolicy",
    key: "aws:kms/key:Key",
    cluster: "aws:rds/cluster:Cluster",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
} as const;

describe("the workload tier's data path (staging plan)", function () {
    this.timeout(180_000);
    let run: StackRun;
    let groupName: Map<string, string>;
    before(async () => {
        run = await runStack("staging");
        assert.strictEqual(run.error, undefined, String(run.error));
        groupName = new Map(run.mocks.ofType(T.sg).map((g) => [g.id, g.tags["Name"]]));
    });

    /** Each rule as `<group> <port> <peer>`, groups by Name tag. */
    const rules = (type: string): string[] =>
        run.mocks.ofType(type).map((r) => {
            const peer = r.inputs.referencedSecurityGroupId as string | undefined;
            const source = peer !== undefined ? (groupName.get(peer) ?? peer) : String(r.inputs.cidrIpv4 ?? r.inputs.prefixListId);
            return `${groupName.get(r.inputs.securityGroupId as string)} ${String(r.inputs.fromPort)} ${source}`;
        });
    const ingressOf = (group: string) =>
        rules(T.in)
            .filter((rule) => rule.startsWith(`${group} `))
            .map((rule) => rule.slice(group.length + 1))
            .sort();

    describe("network: internet → entry → service → database, and nothing else", () => {
        it("the internet reaches the public load balancer only, on 443 (and 80 to redirect)", () => {
            const fromInternet = rules(T.in).filter((rule) => rule.endsWith(" 0.0.0.0/0"));
            assert.deepStrictEqual(fromInternet.sort(), ["staging-lb 443 0.0.0.0/0", "staging-lb 80 0.0.0.0/0"]);
        });

        it("the orders service admits its entry route's load balancer and its mutual-TLS endpoint only", () => {
            const internal = groupName.get(run.mocks.named("staging-orders-internal-sg").id) as string;
            assert.deepStrictEqual(ingressOf("staging-orders-service"), [`8443 ${internal}`, "8443 staging-lb"].sort());
        });

        it("the orders internal endpoint admits its declared caller (fulfilment) only, on 443", () => {
            const internal = groupName.get(run.mocks.named("staging-orders-internal-sg").id) as string;
            assert.deepStrictEqual(ingressOf(internal), ["443 staging-fulfilment-service"]);
        });

        it("the database admits the orders service only, on PostgreSQL's port, and sends nothing", () => {
            assert.deepStrictEqual(ingressOf("staging-orders-database"), ["5432 staging-orders-service"]);
            assert.ok(!rules(T.out).some((rule) => rule.startsWith("staging-orders-database ")));
        });

        it("the legacy application is reached through its gateway's VPC link only, and fulfilment by no one", () => {
            const internal = groupName.get(run.mocks.named("staging-timesheets-internal-sg").id) as string;
            assert.deepStrictEqual(ingressOf("staging-timesheets-service"), [`8443 ${internal}`]);
            assert.deepStrictEqual(ingressOf(internal), ["443 staging-timesheets-gateway"]);
            assert.deepStrictEqual(ingressOf("staging-fulfilment-service"), []);
        });

        it("no workload group sends to the internet", () => {
            const workloadEgress = rules(T.out).filter((rule) => /^staging-(orders|fulfilment|timesheets)-/.test(rule));
            assert.ok(workloadEgress.length > 0);
            assert.deepStrictEqual(
                workloadEgress.filter((rule) => rule.endsWith("0.0.0.0/0")),
                [],
            );
        });

        it("the database's subnet group holds the isolated subnets only", () => {
            const isolated = run.mocks
                .ofType(T.subnet)
                .filter((s) => s.tags["Tier"] === "isolated")
                .map((s) => s.id)
                .sort();
            const [group] = run.mocks.ofType(T.subnetGroup);
            assert.deepStrictEqual([...(group.inputs.subnetIds as string[])].sort(), isolated);
            assert.strictEqual(isolated.length, 3);
        });
    });

    describe("identity: the orders session role reads its own secrets and key and nothing else", () => {
        const ACCOUNT = "111111111111";
        const SESSION_ROLE = `arn:aws:iam::${ACCOUNT}:role/staging-orders-session`;
        const policyOf = (r: Registration): PolicyDocument => JSON.parse(r.inputs.policy as string) as PolicyDocument;
        let identity: PolicyDocument[];
        let secretArn: string;
        let secretPolicy: PolicyDocument;
        let endpointId: string;
        const keyOf = (name: string) => run.mocks.named(name);
        const ask = (action: string, resource: string, resourcePolicy?: PolicyDocument, context: Record<string, string> = {}): Decision =>
            authorize(
                { principal: { arn: SESSION_ROLE }, action, resource, context: { "aws:SourceVpce": endpointId, ...context } },
                { identityPolicies: identity, ...(resourcePolicy === undefined ? {} : { resourcePolicy }) },
            ).decision;
        const useKey = (keyName: string) => {
            const key = keyOf(keyName);
            return authorize(
                { principal: { arn: SESSION_ROLE }, action: "kms:Decrypt", resource: key.outputs.arn as string },
                { identityPolicies: identity, resourcePolicy: JSON.parse(key.inputs.policy as string) as PolicyDocument, keyPolicy: true },
            ).decision;
        };
        before(() => {
            identity = run.mocks
                .ofType(T.rolePolicy)
                .filter((r) => r.inputs.role === "staging-orders-session")
                .map(policyOf);
            const secret = run.mocks.ofType(T.secret).find((s) => String(s.inputs.name).startsWith("staging/orders/")) as Registration;
            secretArn = secret.outputs.arn as string;
            secretPolicy = policyOf(run.mocks.ofType(T.secretPolicy).find((p) => p.inputs.secretArn === secretArn) as Registration);
            endpointId = (
                run.mocks.ofType(T.endpoint).find((e) => String(e.inputs.serviceName).endsWith(".secretsmanager")) as Registration
            ).id;
        });

        it("reads its own secret through the VPC's Secrets Manager endpoint", () => {
            assert.ok(identity.length > 0);
            assert.strictEqual(ask("secretsmanager:GetSecretValue", secretArn, secretPolicy), "Allow");
        });

        it("cannot read it from outside the endpoint", () => {
            assert.strictEqual(
                ask("secretsmanager:GetSecretValue", secretArn, secretPolicy, { "aws:SourceVpce": "vpce-0123456789abcdef0" }),
                "ExplicitDeny",
            );
        });

        it("cannot read the database's master password (it connects with IAM authentication)", () => {
            const cluster = run.mocks.ofType(T.cluster)[0];
            const masterSecret = (cluster.outputs.masterUserSecrets as { secretArn: string }[])[0].secretArn;
            assert.notStrictEqual(ask("secretsmanager:GetSecretValue", masterSecret), "Allow");
        });

        it("uses its application's key, not another application's", () => {
            assert.strictEqual(useKey("staging-keys-app-orders"), "Allow");
            assert.notStrictEqual(useKey("staging-keys-app-fulfilment"), "Allow");
            assert.notStrictEqual(useKey("staging-keys-purpose-data"), "Allow");
        });

        it("connects to its database as its IAM user, not as the master user", () => {
            const cluster = run.mocks.ofType(T.cluster)[0];
            const user = (name: string) =>
                `arn:aws:rds-db:eu-west-1:${ACCOUNT}:dbuser:${cluster.outputs.clusterResourceId as string}/${name}`;
            assert.strictEqual(ask("rds-db:connect", user("orders")), "Allow");
            assert.notStrictEqual(ask("rds-db:connect", user("dbadmin")), "Allow");
        });

        it("can do nothing outside its application", () => {
            for (const [action, resource] of [
                ["s3:GetObject", "arn:aws:s3:::staging-findings/x"],
                ["iam:PassRole", SESSION_ROLE],
                ["sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`],
                ["secretsmanager:ListSecrets", "*"],
                ["kms:CreateKey", "*"],
            ]) {
                assert.notStrictEqual(ask(action, resource), "Allow", action);
            }
        });
    });

    describe("identity: what ECS hands the orders containers (the task role) only becomes the session role", () => {
        const ACCOUNT = "111111111111";
        const role = (application: string, kind: string) => `arn:aws:iam::${ACCOUNT}:role/staging-${application}-${kind}`;
        const identityOf = (roleName: string) =>
            run.mocks
                .ofType(T.rolePolicy)
                .filter((r) => r.inputs.role === roleName)
                .map((r) => JSON.parse(r.inputs.policy as string) as PolicyDocument);
        const trustOf = (roleName: string): PolicyDocument => {
            const registered = run.mocks.ofType("aws:iam/role:Role").find((r) => r.inputs.name === roleName) as Registration;
            const trust = JSON.parse(registered.inputs.assumeRolePolicy as string) as PolicyDocument;
            // A trust policy's resource is the role itself.
            return { ...trust, Statement: trust.Statement.map((statement) => ({ ...statement, Resource: role("orders", "session") })) };
        };
        const assume = (caller: string) =>
            authorize(
                { principal: { arn: caller }, action: "sts:AssumeRole", resource: role("orders", "session") },
                { identityPolicies: identityOf(caller.split("/")[1]), resourcePolicy: trustOf("staging-orders-session") },
            ).decision;

        it("assumes the orders session role; no other application's task role can", () => {
            assert.strictEqual(assume(role("orders", "task")), "Allow");
            assert.notStrictEqual(assume(role("fulfilment", "task")), "Allow");
            assert.notStrictEqual(assume(role("orders", "execution")), "Allow");
        });

        it("can read no secret and use no key itself", () => {
            const task = role("orders", "task");
            const ask = (action: string, resource: string) =>
                authorize({ principal: { arn: task }, action, resource }, { identityPolicies: identityOf("staging-orders-task") }).decision;
            const secret = run.mocks.ofType(T.secret).find((s) => String(s.inputs.name).startsWith("staging/orders/")) as Registration;
            assert.notStrictEqual(ask("secretsmanager:GetSecretValue", secret.outputs.arn as string), "Allow");
            assert.notStrictEqual(ask("kms:Decrypt", run.mocks.named("staging-keys-app-orders").outputs.arn as string), "Allow");
            assert.notStrictEqual(ask("acm-pca:IssueCertificate", "*"), "Allow");
        });
    });
});
