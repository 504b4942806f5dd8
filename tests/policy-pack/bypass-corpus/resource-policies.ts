import { resource } from "../harness";
import type { BypassCase } from "./bypass-case";

// Resource policies open to anyone (identity-resource-policy-public). Tries: conditions that look
// restricting but let an anonymous caller through (IfExists, set operators, wildcard values, a
// network or transport test), NotPrincipal, "*" hidden in a principal list, a Lambda permission's
// wildcard source, and a getPolicyDocument result passed whole.

const POLICY = "identity-resource-policy-public";
const ORG = { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } };

const allow = (extra: Record<string, unknown>) => ({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", ...extra });
const text = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

export const resourcePolicyBypasses: readonly BypassCase[] = [
    {
        title: 'a bucket policy open to {"AWS": "*"} whose only condition requires TLS',
        policy: POLICY,
        violating: () => [
            resource("aws:s3/bucketPolicy:BucketPolicy", "reports", {
                bucket: "acme-reports",
                policy: text(
                    allow({ Principal: { AWS: "*" }, Action: "s3:GetObject", Condition: { Bool: { "aws:SecureTransport": "true" } } }),
                ),
            }),
        ],
        compliant: () => [
            resource("aws:s3/bucketPolicy:BucketPolicy", "reports", {
                bucket: "acme-reports",
                policy: text(
                    allow({
                        Principal: { AWS: "*" },
                        Action: "s3:GetObject",
                        Condition: { Bool: { "aws:SecureTransport": "true" }, ...ORG },
                    }),
                ),
            }),
        ],
    },
    {
        title: "a queue policy pinned by ArnEqualsIfExists aws:SourceArn (a caller without a source ARN passes)",
        policy: POLICY,
        violating: () => [
            resource("aws:sqs/queuePolicy:QueuePolicy", "jobs", {
                queueUrl: "https://sqs.eu-west-1.amazonaws.com/111111111111/jobs",
                policy: text(
                    allow({
                        Action: "sqs:SendMessage",
                        Condition: { ArnEqualsIfExists: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:events" } },
                    }),
                ),
            }),
        ],
        compliant: () => [
            resource("aws:sqs/queuePolicy:QueuePolicy", "jobs", {
                queueUrl: "https://sqs.eu-west-1.amazonaws.com/111111111111/jobs",
                policy: text(
                    allow({
                        Action: "sqs:SendMessage",
                        Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:events" } },
                    }),
                ),
            }),
        ],
    },
    {
        title: "a topic policy pinned by ForAllValues:StringEquals aws:PrincipalOrgID (true for a request without the key)",
        policy: POLICY,
        violating: () => [
            resource("aws-native:sns:TopicPolicy", "alerts", {
                topics: ["arn:aws:sns:eu-west-1:111111111111:alerts"],
                policyDocument: {
                    Statement: [
                        allow({
                            Action: "sns:Publish",
                            Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                        }),
                    ],
                },
            }),
        ],
        compliant: () => [
            resource("aws-native:sns:TopicPolicy", "alerts", {
                topics: ["arn:aws:sns:eu-west-1:111111111111:alerts"],
                policyDocument: { Statement: [allow({ Action: "sns:Publish", Condition: ORG })] },
            }),
        ],
    },
    {
        title: "a key policy that lets everyone but the account root decrypt (Allow with NotPrincipal)",
        policy: POLICY,
        violating: () => [
            resource("aws:kms/key:Key", "data", {
                policy: text(
                    allow({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:Decrypt" }),
                ),
            }),
        ],
        compliant: () => [
            resource("aws:kms/key:Key", "data", {
                policy: text(allow({ Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*" })),
            }),
        ],
    },
    {
        title: 'a secret policy whose principal list hides "*" among named accounts',
        policy: POLICY,
        violating: () => [
            resource("aws-native:secretsmanager:ResourcePolicy", "token", {
                secretId: "arn:aws:secretsmanager:eu-west-1:111111111111:secret:token-a1b2c3",
                resourcePolicy: {
                    Statement: [
                        allow({ Principal: { AWS: ["arn:aws:iam::222222222222:root", "*"] }, Action: "secretsmanager:GetSecretValue" }),
                    ],
                },
            }),
        ],
        compliant: () => [
            resource("aws-native:secretsmanager:ResourcePolicy", "token", {
                secretId: "arn:aws:secretsmanager:eu-west-1:111111111111:secret:token-a1b2c3",
                resourcePolicy: {
                    Statement: [allow({ Principal: { AWS: ["arn:aws:iam::222222222222:root"] }, Action: "secretsmanager:GetSecretValue" })],
                },
            }),
        ],
    },
    {
        title: 'a Lambda permission for principal "*" whose source ARN is "*"',
        policy: POLICY,
        violating: () => [
            resource("aws:lambda/permission:Permission", "invoke", {
                action: "lambda:InvokeFunction",
                function: "orders",
                principal: "*",
                sourceArn: "*",
            }),
        ],
        compliant: () => [
            resource("aws:lambda/permission:Permission", "invoke", {
                action: "lambda:InvokeFunction",
                function: "orders",
                principal: "*",
                sourceArn: "arn:aws:events:eu-west-1:111111111111:rule/orders",
            }),
        ],
    },
    {
        title: "an OpenSearch access policy open to everyone from an IP range (aws:SourceIp does not say who calls)",
        policy: POLICY,
        violating: () => [
            resource("aws:opensearch/domainPolicy:DomainPolicy", "search", {
                domainName: "search",
                accessPolicies: text(allow({ Action: "es:ESHttp*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })),
            }),
        ],
        compliant: () => [
            resource("aws:opensearch/domainPolicy:DomainPolicy", "search", {
                domainName: "search",
                accessPolicies: text(allow({ Principal: { AWS: "arn:aws:iam::111111111111:role/search-reader" }, Action: "es:ESHttp*" })),
            }),
        ],
    },
    {
        title: 'a REST API policy pinned to StringLike aws:SourceVpce "*" (any endpoint of anyone)',
        policy: POLICY,
        violating: () => [
            resource("aws-native:apigateway:RestApi", "reports", {
                policy: { Statement: [allow({ Action: "execute-api:Invoke", Condition: { StringLike: { "aws:SourceVpce": "*" } } })] },
            }),
        ],
        compliant: () => [
            resource("aws-native:apigateway:RestApi", "reports", {
                policy: {
                    Statement: [
                        allow({
                            Action: "execute-api:Invoke",
                            Condition: { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } },
                        }),
                    ],
                },
            }),
        ],
    },
    {
        title: "an ECR repository policy passed as a whole getPolicyDocument result ({ json }) that lets anyone pull",
        policy: POLICY,
        violating: () => [
            resource("aws-native:ecr:Repository", "orders", {
                repositoryPolicyText: { id: "x", json: text(allow({ Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] })) },
            }),
        ],
        compliant: () => [
            resource("aws-native:ecr:Repository", "orders", {
                repositoryPolicyText: {
                    id: "x",
                    json: text(allow({ Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Condition: ORG })),
                },
            }),
        ],
    },
];
