import { strict as assert } from "node:assert";
import { mockArn, mockId, mockState } from "../../offline-preview/mock-values";

const where = { region: "eu-west-1", accountId: "111111111111" };

describe("plausible mock values", () => {
    it("gives EC2 resources prefixed, stable ids and keys UUIDs", () => {
        const a = mockId("aws:ec2/vpc:Vpc", "main", {});
        assert.match(a, /^vpc-[0-9a-f]{17}$/);
        assert.equal(mockId("aws:ec2/vpc:Vpc", "main", {}), a, "the same program gives the same ids");
        assert.notEqual(mockId("aws:ec2/vpc:Vpc", "other", {}), a);
        assert.match(mockId("aws:kms/key:Key", "logs", {}), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.equal(mockId("aws:cloudwatch/logGroup:LogGroup", "flow", { name: "/vpc/flow" }), "/vpc/flow", "names AWS uses as ids");
        assert.match(mockId("aws:organizations/policy:Policy", "baseline", {}), /^p-[0-9a-f]{17}$/);
        assert.match(mockId("aws:organizations/account:Account", "security", {}), /^\d{12}$/, "account ids are 12 digits");
    });

    it("builds ARNs in each service's shape from region and account", () => {
        assert.equal(mockArn("aws:iam/role:Role", "flow-logs", where), "arn:aws:iam::111111111111:role/flow-logs");
        assert.equal(
            mockArn("aws:cloudwatch/logGroup:LogGroup", "/vpc/flow", where),
            "arn:aws:logs:eu-west-1:111111111111:log-group:/vpc/flow",
        );
        assert.equal(mockArn("aws:s3/bucket:Bucket", "logs", where), "arn:aws:s3:::logs");
        assert.equal(mockArn("aws:cloudwatch/eventRule:EventRule", "alerts", where), "arn:aws:events:eu-west-1:111111111111:rule/alerts");
        assert.match(
            mockArn("aws:secretsmanager/secret:Secret", "staging/orders/token", where),
            /^arn:aws:secretsmanager:eu-west-1:111111111111:secret:staging\/orders\/token-[0-9a-f]{6}$/,
        );
        assert.equal(
            mockArn("aws:ec2/securityGroup:SecurityGroup", "sg-1", where),
            "arn:aws:ec2:eu-west-1:111111111111:security-group/sg-1",
        );
    });

    it("adds the computed attributes other resources consume, and nothing to other packages", () => {
        const vpc = mockState("aws:ec2/vpc:Vpc", "vpc-1", { cidrBlock: "10.0.0.0/16" }, where);
        assert.equal(vpc["cidrBlock"], "10.0.0.0/16");
        assert.match(vpc["defaultSecurityGroupId"] as string, /^sg-/);
        assert.match(vpc["defaultNetworkAclId"] as string, /^acl-/);
        const gateway = mockState("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-1", { vpcEndpointType: "Gateway" }, where);
        assert.match(gateway["prefixListId"] as string, /^pl-[0-9a-f]{8}$/);
        assert.equal(
            mockState("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-2", { vpcEndpointType: "Interface" }, where)["prefixListId"],
            undefined,
        );
        const lb = mockState("aws:lb/loadBalancer:LoadBalancer", "edge-1a2b3c", { internal: false }, where);
        assert.match(lb["dnsName"] as string, /^edge-1a2b3c-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
        assert.deepEqual(mockState("aws-native:ec2:Vpc", "vpc-2", { cidrBlock: "10.1.0.0/16" }, where), {
            cidrBlock: "10.1.0.0/16",
            id: "vpc-2",
        });
    });

    it("answers a private CA's ARN in the acm-pca service namespace, which IAM policies name", () => {
        assert.equal(
            mockArn("aws:acmpca/certificateAuthority:CertificateAuthority", "ca-1", where),
            "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/ca-1",
        );
    });

    it("answers an RDS cluster as RDS does: identifier as id, resource id, endpoints, port and the managed master secret", () => {
        const inputs = {
            clusterIdentifier: "staging-orders",
            engine: "aurora-postgresql",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: "k",
        };
        const id = mockId("aws:rds/cluster:Cluster", "orders-cluster", inputs);
        assert.equal(id, "staging-orders");
        assert.equal(mockId("aws:rds/clusterInstance:ClusterInstance", "orders-1", { identifier: "staging-orders-1" }), "staging-orders-1");
        assert.equal(mockArn("aws:rds/cluster:Cluster", id, where), "arn:aws:rds:eu-west-1:111111111111:cluster:staging-orders");
        assert.equal(
            mockArn("aws:rds/clusterInstance:ClusterInstance", "staging-orders-1", where),
            "arn:aws:rds:eu-west-1:111111111111:db:staging-orders-1",
        );
        const cluster = mockState("aws:rds/cluster:Cluster", id, inputs, where);
        assert.match(cluster["clusterResourceId"] as string, /^cluster-[0-9A-F]{26}$/);
        assert.match(cluster["endpoint"] as string, /^staging-orders\.cluster-[0-9a-f]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
        assert.match(cluster["readerEndpoint"] as string, /^staging-orders\.cluster-ro-[0-9a-f]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
        assert.equal(cluster["port"], 5432);
        const [secret] = cluster["masterUserSecrets"] as { secretArn: string; kmsKeyId: string }[];
        assert.match(secret.secretArn, /^arn:aws:secretsmanager:eu-west-1:111111111111:secret:rds!cluster-[0-9a-f-]{36}-[0-9a-f]{6}$/);
        assert.equal(secret.kmsKeyId, "k");
        const mysql = mockState("aws:rds/cluster:Cluster", "m", { engine: "aurora-mysql", masterPassword: "x" }, where);
        assert.equal(mysql["port"], 3306);
        assert.equal(mysql["masterUserSecrets"], undefined, "no managed secret without manageMasterUserPassword");
    });
});
