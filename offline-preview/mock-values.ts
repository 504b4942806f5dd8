import { createHash } from "node:crypto";
import type { WireObject } from "./recorded-resource";

/** Where a resource lives: the region and account of the provider that manages it. */
export interface Placement {
    region: string;
    accountId: string;
}

/** Used only when neither the provider nor the stack config names an account. */
export const OFFLINE_ACCOUNT_ID = "123456789012";

/** AWS id prefixes by classic type, so ids look like the ones AWS hands out. */
const idPrefixes: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/defaultVpc:DefaultVpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/networkAcl:NetworkAcl": "acl",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": "acl",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/managedPrefixList:ManagedPrefixList": "pl",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
    "aws:organizations/policy:Policy": "p",
    "aws:organizations/organizationalUnit:OrganizationalUnit": "ou",
};

/** A stable hex digest, so the same program gives the same ids run after run. */
export function digest(text: string, length: number): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** A UUID-shaped stable value, for key ids and the like. */
function stableUuid(text: string): string {
    const h = digest(text, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** `aws:ec2/securityGroup:SecurityGroup` → { pkg: aws, module: ec2, kind: securityGroup }. */
function splitType(type: string): { pkg: string; module: string; kind: string } {
    const [pkg = "", middle = "", kind = ""] = type.split(":");
    const module = middle.split("/")[0] ?? "";
    return { pkg, module, kind: kind.charAt(0).toLowerCase() + kind.slice(1) };
}

function kebab(text: string): string {
    return text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * The id AWS would give the resource: a typed prefix and stable hex for EC2-style resources, a
 * UUID for keys, the resource's own name where AWS uses names as ids.
 */
export function mockId(type: string, name: string, inputs: WireObject): string {
    const prefix = idPrefixes[type];
    if (prefix !== undefined) {
        return `${prefix}-${digest(`${type}::${name}`, 17)}`;
    }
    if (type === "aws:organizations/account:Account") {
        return String(parseInt(digest(`${type}::${name}`, 12), 16))
            .padStart(12, "0")
            .slice(-12);
    }
    if (type === "aws:kms/key:Key" || type === "aws-native:kms:Key" || type.startsWith("pulumi:providers:")) {
        return stableUuid(`${type}::${name}`);
    }
    // A replica's id is a multi-Region key id, as its primary's.
    if (type === "aws:kms/replicaKey:ReplicaKey") {
        return `mrk-${digest(`${type}::${name}`, 32)}`;
    }
    const given = inputs["name"] ?? inputs["bucket"] ?? inputs["functionName"] ?? inputs["clusterIdentifier"] ?? inputs["identifier"];
    return typeof given === "string" && given !== "" ? given : `${name}-${digest(`${type}::${name}`, 7)}`;
}

/** An ARN in the shape the service uses, from type, id, region and account. */
export function mockArn(type: string, id: string, where: Placement): string {
    const { module, kind } = splitType(type);
    switch (type) {
        case "aws:kms/key:Key":
        case "aws:kms/replicaKey:ReplicaKey":
            return `arn:aws:kms:${where.region}:${where.accountId}:key/${id}`;
        case "aws:kms/alias:Alias":
            return `arn:aws:kms:${where.region}:${where.accountId}:${id}`;
        case "aws:cloudwatch/logGroup:LogGroup":
            return `arn:aws:logs:${where.region}:${where.accountId}:log-group:${id}`;
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2":
            return `arn:aws:s3:::${id}`;
        case "aws:sns/topic:Topic":
            return `arn:aws:sns:${where.region}:${where.accountId}:${id}`;
        case "aws:sqs/queue:Queue":
            return `arn:aws:sqs:${where.region}:${where.accountId}:${id}`;
        case "aws:lambda/function:Function":
            return `arn:aws:lambda:${where.region}:${where.accountId}:function:${id}`;
        case "aws:cloudwatch/eventRule:EventRule":
            return `arn:aws:events:${where.region}:${where.accountId}:rule/${id}`;
        case "aws:secretsmanager/secret:Secret":
            // Secrets Manager ends a secret's ARN with `-` and six random characters after its name.
            return `arn:aws:secretsmanager:${where.region}:${where.accountId}:secret:${id}-${digest(`${type}::${id}`, 6)}`;
        case "aws:rds/cluster:Cluster":
            return `arn:aws:rds:${where.region}:${where.accountId}:cluster:${id}`;
        case "aws:acmpca/certificateAuthority:CertificateAuthority":
            // The service's ARN prefix is acm-pca, not the SDK module's name.
            return `arn:aws:acm-pca:${where.region}:${where.accountId}:certificate-authority/${id}`;
        case "aws:rds/clusterInstance:ClusterInstance":
            return `arn:aws:rds:${where.region}:${where.accountId}:db:${id}`;
    }
    if (module === "iam") {
        return `arn:aws:iam::${where.accountId}:${kebab(kind)}/${id}`;
    }
    return `arn:aws:${module}:${where.region}:${where.accountId}:${kebab(kind)}/${id}`;
}

/**
 * State for a resource as `pulumi up` would see it after creation: its inputs, plus the id, ARN
 * and the few computed attributes that other resources commonly consume. Types outside the
 * `aws` package get their inputs and an id only.
 */
export function mockState(type: string, id: string, inputs: WireObject, where: Placement): WireObject {
    const state: WireObject = { ...inputs, id };
    if (!type.startsWith("aws:") || type.startsWith("aws:index/")) {
        return state;
    }
    state["arn"] = mockArn(type, id, where);
    if (type === "aws:kms/key:Key" || type === "aws:kms/replicaKey:ReplicaKey") {
        state["keyId"] = id;
    }
    if (type === "aws:cloudwatch/logGroup:LogGroup" && state["name"] === undefined) {
        state["name"] = id;
    }
    if ((type === "aws:iam/role:Role" || type === "aws:iam/policy:Policy") && state["name"] === undefined) {
        state["name"] = id;
    }
    if (type === "aws:ec2/vpc:Vpc" || type === "aws:ec2/defaultVpc:DefaultVpc") {
        state["defaultSecurityGroupId"] = `sg-${digest(`${id}::default-sg`, 17)}`;
        state["defaultNetworkAclId"] = `acl-${digest(`${id}::default-acl`, 17)}`;
        state["defaultRouteTableId"] = `rtb-${digest(`${id}::default-rtb`, 17)}`;
        state["mainRouteTableId"] = state["defaultRouteTableId"];
    }
    if (type === "aws:ec2/vpcEndpoint:VpcEndpoint" && inputs["vpcEndpointType"] === "Gateway") {
        state["prefixListId"] = `pl-${digest(`${id}::prefix-list`, 8)}`;
    }
    if (type === "aws:lb/loadBalancer:LoadBalancer" || type === "aws:alb/loadBalancer:LoadBalancer") {
        const scheme = inputs["internal"] === true ? "internal-" : "";
        state["dnsName"] = `${scheme}${id.slice(0, 24)}-${parseInt(digest(id, 8), 16)}.${where.region}.elb.amazonaws.com`;
    }
    // A regional custom domain: the name its DNS record points at, in API Gateway's shape.
    const domainConfiguration = inputs["domainNameConfiguration"];
    if (
        type === "aws:apigatewayv2/domainName:DomainName" &&
        domainConfiguration !== null &&
        typeof domainConfiguration === "object" &&
        !Array.isArray(domainConfiguration)
    ) {
        state["domainNameConfiguration"] = {
            ...domainConfiguration,
            targetDomainName: `d-${digest(id, 10)}.execute-api.${where.region}.amazonaws.com`,
        };
    }
    if (type === "aws:rds/cluster:Cluster") {
        Object.assign(state, rdsClusterState(id, inputs, where));
    }
    if (type === "aws:ec2/eip:Eip") {
        const h = digest(id, 4);
        state["publicIp"] = `203.0.113.${(parseInt(h, 16) % 254) + 1}`;
        state["allocationId"] = id;
    }
    return state;
}

/**
 * What RDS computes for a DB cluster: its resource id (what IAM database authentication names),
 * endpoints in the account's and region's DNS zone, the engine's default port, and the master
 * user's secret when RDS manages the password.
 */
function rdsClusterState(id: string, inputs: WireObject, where: Placement): WireObject {
    const zone = `${digest(`${where.accountId}::${where.region}`, 12)}.${where.region}.rds.amazonaws.com`;
    const state: WireObject = {
        clusterResourceId: `cluster-${digest(id, 26).toUpperCase()}`,
        endpoint: `${id}.cluster-${zone}`,
        readerEndpoint: `${id}.cluster-ro-${zone}`,
        port: inputs["port"] ?? (typeof inputs["engine"] === "string" && inputs["engine"].includes("postgres") ? 5432 : 3306),
    };
    if (inputs["manageMasterUserPassword"] === true) {
        state["masterUserSecrets"] = [
            {
                secretArn: `arn:aws:secretsmanager:${where.region}:${where.accountId}:secret:rds!cluster-${stableUuid(id)}-${digest(id, 6)}`,
                kmsKeyId: inputs["masterUserSecretKmsKeyId"] ?? null,
                secretStatus: "active",
            },
        ];
    }
    return state;
}
