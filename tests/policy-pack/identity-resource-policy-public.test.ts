// identity-resource-policy-public: every resource policy location of both providers, the principals
// that mean anyone, the conditions that restrict them (and the ones that do not), Lambda
// permissions, values unknown during preview and documents that are not policies.

import { strict as assert } from "assert";
import { providerResources, resourceInputs } from "../../policy-pack/docs/provider-schemas";
import { RESOURCE_POLICY_LOCATIONS } from "../../policy-pack/readers/identity/resource-policies";
import { check, checkUnderPreview, resourcePolicy, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./harness";

const NAME = "identity-resource-policy-public";
const policy = resourcePolicy(NAME);

/** Every type that holds a policy document, the property, and what the message calls it. */
const LOCATIONS: [type: string, property: string, kind: RegExp][] = [
    ["aws:s3/bucketPolicy:BucketPolicy", "policy", /S3 bucket policy/],
    ["aws:s3/bucket:Bucket", "policy", /S3 bucket policy/],
    ["aws:s3/bucketV2:BucketV2", "policy", /S3 bucket policy/],
    ["aws:s3control/bucketPolicy:BucketPolicy", "policy", /S3 bucket policy/],
    ["aws-native:s3:BucketPolicy", "policyDocument", /S3 bucket policy/],
    ["aws:s3/accessPoint:AccessPoint", "policy", /S3 access point policy/],
    ["aws:s3control/accessPointPolicy:AccessPointPolicy", "policy", /S3 access point policy/],
    ["aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy", "policy", /S3 access point policy/],
    ["aws-native:s3:AccessPoint", "policy", /S3 access point policy/],
    ["aws-native:s3:MultiRegionAccessPointPolicy", "policy", /S3 access point policy/],
    ["aws:sns/topicPolicy:TopicPolicy", "policy", /SNS topic policy/],
    ["aws:sns/topic:Topic", "policy", /SNS topic policy/],
    ["aws-native:sns:TopicPolicy", "policyDocument", /SNS topic policy/],
    ["aws-native:sns:TopicInlinePolicy", "policyDocument", /SNS topic policy/],
    ["aws:sqs/queuePolicy:QueuePolicy", "policy", /SQS queue policy/],
    ["aws:sqs/queue:Queue", "policy", /SQS queue policy/],
    ["aws-native:sqs:QueueInlinePolicy", "policyDocument", /SQS queue policy/],
    ["aws:kms/key:Key", "policy", /KMS key policy/],
    ["aws:kms/replicaKey:ReplicaKey", "policy", /KMS key policy/],
    ["aws:kms/externalKey:ExternalKey", "policy", /KMS key policy/],
    ["aws:kms/replicaExternalKey:ReplicaExternalKey", "policy", /KMS key policy/],
    ["aws:kms/keyPolicy:KeyPolicy", "policy", /KMS key policy/],
    ["aws-native:kms:Key", "keyPolicy", /KMS key policy/],
    ["aws-native:kms:ReplicaKey", "keyPolicy", /KMS key policy/],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", "policy", /Secrets Manager secret policy/],
    ["aws:secretsmanager/secret:Secret", "policy", /Secrets Manager secret policy/],
    ["aws-native:secretsmanager:ResourcePolicy", "resourcePolicy", /Secrets Manager secret policy/],
    ["aws:ecr/repositoryPolicy:RepositoryPolicy", "policy", /ECR repository policy/],
    ["aws-native:ecr:Repository", "repositoryPolicyText", /ECR repository policy/],
    ["aws:ecr/registryPolicy:RegistryPolicy", "policy", /ECR registry policy/],
    ["aws:lambda/resourcePolicy:ResourcePolicy", "policy", /Lambda function policy/],
    ["aws-native:lambda:ResourcePolicy", "policyDocument", /Lambda function policy/],
    ["aws:opensearch/domainPolicy:DomainPolicy", "accessPolicies", /OpenSearch domain access policy/],
    ["aws:opensearch/domain:Domain", "accessPolicies", /OpenSearch domain access policy/],
    ["aws:elasticsearch/domainPolicy:DomainPolicy", "accessPolicies", /OpenSearch domain access policy/],
    ["aws:elasticsearch/domain:Domain", "accessPolicies", /OpenSearch domain access policy/],
    ["aws-native:opensearchservice:Domain", "accessPolicies", /OpenSearch domain access policy/],
    ["aws:apigateway/restApiPolicy:RestApiPolicy", "policy", /API Gateway REST API policy/],
    ["aws:apigateway/restApi:RestApi", "policy", /API Gateway REST API policy/],
    ["aws-native:apigateway:RestApi", "policy", /API Gateway REST API policy/],
    ["aws:apigateway/domainName:DomainName", "policy", /API Gateway private domain name policy/],
    ["aws-native:apigateway:DomainNameV2", "policy", /API Gateway private domain name policy/],
];

/** SDK types of those services with a policy-like input that is no IAM resource policy, or not read yet. */
const NOT_READ: ReadonlyMap<string, string> = new Map([
    ["aws:ecr/lifecyclePolicy:LifecyclePolicy", "image lifecycle rules, not IAM"],
    ["aws:sns/dataProtectionPolicy:DataProtectionPolicy", "data protection rules, not IAM"],
    ["aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", "OpenSearch Serverless data access rules, not IAM"],
    ["aws:opensearch/serverlessLifecyclePolicy:ServerlessLifecyclePolicy", "retention rules, not IAM"],
    ["aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", "encryption and network rules, not IAM"],
    ["aws:lambda/layerVersionPermission:LayerVersionPermission", "its policy is an output; the principal is an account or *: not read yet"],
    ["aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy", "S3 Files: not read yet"],
    ["aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy", "S3 Vectors: not read yet"],
    ["aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy", "S3 Access Grants: not read yet"],
    ["aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint", "its policy is nested in details: not read yet"],
    ["aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy", "its policy is nested in details: not read yet"],
]);

/** The input names resource policies go by in either SDK. */
const POLICY_INPUTS = ["policy", "policyDocument", "accessPolicies", "keyPolicy", "resourcePolicy", "repositoryPolicyText", "details"];

const ORG = { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } };

function statement(extra: Record<string, unknown>): Record<string, unknown> {
    return { Effect: "Allow", Principal: "*", Action: "*", Resource: "*", ...extra };
}

function document(...statements: Record<string, unknown>[]): Record<string, unknown> {
    return { Version: "2012-10-17", Statement: statements };
}

/** Classic providers take JSON text, aws-native an object; both are accepted either way. */
function holding(type: string, property: string, value: Record<string, unknown>): Record<string, unknown> {
    return { [property]: type.startsWith("aws-native:") ? value : JSON.stringify(value) };
}

function refusals(value: Record<string, unknown>, config: object = {}): string[] {
    return check(policy, "aws:s3/bucketPolicy:BucketPolicy", { bucket: "reports", policy: JSON.stringify(value) }, config);
}

describe(NAME, () => {
    it("reads every type of those services that holds a resource policy, in both SDKs (a type an SDK adds fails here)", () => {
        const services = new Set([
            "s3",
            "s3control",
            "sns",
            "sqs",
            "kms",
            "secretsmanager",
            "ecr",
            "lambda",
            "opensearch",
            "elasticsearch",
            "opensearchservice",
            "apigateway",
        ]);
        const holders = [...providerResources().values()]
            .filter((r) => services.has(r.module))
            .filter((r) => POLICY_INPUTS.some((input) => resourceInputs(r.type)?.has(input)))
            .map((r) => r.type);
        assert.ok(holders.length > 40, `only ${holders.length} types found`);
        assert.deepEqual(holders.filter((type) => !RESOURCE_POLICY_LOCATIONS.has(type) && !NOT_READ.has(type)).sort(), []);
    });

    it("the table here is the reader's table (a type added there is tested here)", () => {
        assert.deepEqual(
            [...RESOURCE_POLICY_LOCATIONS].map(([type, where]) => [type, where.property]),
            LOCATIONS.map(([type, property]) => [type, property]),
        );
    });

    for (const [type, property, kind] of LOCATIONS) {
        describe(type, () => {
            it(`refuses ${property} that allows Principal "*" without a condition, naming the policy and the statement`, () => {
                const messages = check(policy, type, holding(type, property, document(statement({ Sid: "Everyone" }))));
                assert.equal(messages.length, 1, messages.join("\n"));
                assert.match(messages[0], kind);
                assert.match(messages[0], /"Everyone"/);
                assert.match(messages[0], /aws:PrincipalOrgID/);
            });

            it("passes its compliant twin, restricted to the organisation", () => {
                assert.deepEqual(check(policy, type, holding(type, property, document(statement({ Condition: ORG })))), []);
            });

            it("passes when there is no policy at all", () => {
                assert.deepEqual(check(policy, type, {}), []);
                assert.deepEqual(check(policy, type, { [property]: null }), []);
                assert.deepEqual(check(policy, type, { [property]: "" }), []);
            });
        });
    }

    describe("who is anyone", () => {
        it('refuses "*", {"AWS": "*"}, "*" among other principals, and NotPrincipal', () => {
            for (const who of [
                { Principal: "*" },
                { Principal: { AWS: "*" } },
                { Principal: { AWS: ["arn:aws:iam::111111111111:root", "*"] } },
                { Principal: { aws: "*" } },
                { Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111111111111:role/admin" } },
            ]) {
                assert.equal(refusals(document(statement(who))).length, 1, JSON.stringify(who));
            }
        });

        it("passes named principals: a KMS key policy's account root, a role, a service", () => {
            const root = { Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*" };
            assert.deepEqual(check(policy, "aws:kms/key:Key", { policy: JSON.stringify(document(statement(root))) }), []);
            assert.deepEqual(check(policy, "aws-native:kms:Key", { keyPolicy: document(statement(root)) }), []);
            for (const who of [
                { AWS: "arn:aws:iam::111111111111:role/reader" },
                { AWS: ["111111111111", "arn:aws:iam::222222222222:root"] },
                { Service: "cloudtrail.amazonaws.com" },
            ]) {
                assert.deepEqual(refusals(document(statement({ Principal: who }))), [], JSON.stringify(who));
            }
        });

        it("a Deny statement never makes a policy public", () => {
            assert.deepEqual(
                refusals(
                    document(
                        statement({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
                        statement({ Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" } }),
                    ),
                ),
                [],
            );
        });

        it("names each public statement by Sid, or by its index when it has none", () => {
            const messages = refusals(document(statement({ Effect: "Deny" }), statement({}), statement({ Sid: "Open" })));
            assert.equal(messages.length, 1);
            assert.match(messages[0], /Statement\[1\]/);
            assert.match(messages[0], /"Open"/);
        });
    });

    describe("what restricts anyone", () => {
        it("accepts each restricting condition key, as IAM spells it in any case", () => {
            for (const condition of [
                { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                { StringEquals: { "aws:principalorgid": ["o-a1b2c3d4e5"] } },
                { StringEquals: { "aws:PrincipalAccount": "111111111111" } },
                { StringEquals: { "aws:SourceAccount": "111111111111" } },
                { ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:111111111111:trail/*" } },
                { ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:alerts" } },
                { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } },
                { stringequals: { "AWS:SourceAccount": "111111111111" } },
                // SNS's default topic policy: {"AWS": "*"} for the account's own principals.
                { StringEquals: { "AWS:SourceOwner": "111111111111" } },
            ]) {
                assert.deepEqual(refusals(document(statement({ Condition: condition }))), [], JSON.stringify(condition));
            }
        });

        it('refuses conditions whose values are "*": they match anyone', () => {
            for (const condition of [
                { StringLike: { "aws:PrincipalOrgID": "*" } },
                { StringLike: { "aws:SourceAccount": ["*"] } },
                { ArnLike: { "aws:SourceArn": "*" } },
            ]) {
                assert.equal(refusals(document(statement({ Condition: condition }))).length, 1, JSON.stringify(condition));
            }
        });

        it("refuses conditions that restrict nothing about who calls", () => {
            for (const condition of [
                { Bool: { "aws:SecureTransport": "true" } },
                { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                { StringEquals: { "s3:prefix": "public/" } },
            ]) {
                assert.equal(refusals(document(statement({ Condition: condition }))).length, 1, JSON.stringify(condition));
            }
        });
    });

    describe("Lambda permissions", () => {
        for (const type of ["aws:lambda/permission:Permission", "aws-native:lambda:Permission"]) {
            const base = { action: "lambda:InvokeFunction", principal: "*" };
            it(`${type}: refuses principal "*" without a source or organisation`, () => {
                const messages = check(policy, type, base);
                assert.equal(messages.length, 1, messages.join("\n"));
                assert.match(messages[0], /Lambda function policy/);
                assert.equal(check(policy, type, { ...base, sourceArn: "*" }).length, 1);
            });

            it(`${type}: passes principal "*" with a source ARN, source account or organisation, and named principals`, () => {
                for (const props of [
                    { ...base, sourceArn: "arn:aws:s3:::reports" },
                    { ...base, sourceAccount: "111111111111" },
                    { ...base, principalOrgId: "o-a1b2c3d4e5" },
                    { ...base, principal: "events.amazonaws.com" },
                    { ...base, principal: "111111111111" },
                ]) {
                    assert.deepEqual(check(policy, type, props), [], JSON.stringify(props));
                }
            });
        }

        it("names the classic permission's statement id", () => {
            const messages = check(policy, "aws:lambda/permission:Permission", { principal: "*", statementId: "AllowEveryone" });
            assert.match(messages[0], /"AllowEveryone"/);
        });
    });

    describe("values unknown during preview", () => {
        const previewed = (type: string, props: Record<string, unknown>) => checkUnderPreview(policy, type, props);

        it("a document unknown during preview is judged once known: the preview advisory before", () => {
            assert.equal(previewed("aws:s3/bucketPolicy:BucketPolicy", { policy: UNKNOWN_STRING }), "advisory");
            assert.equal(previewed("aws-native:s3:BucketPolicy", { policyDocument: UNKNOWN_OBJECT }), "advisory");
            assert.equal(
                previewed("aws-native:s3:BucketPolicy", { policyDocument: document(statement({ Principal: UNKNOWN_STRING })) }),
                "advisory",
            );
            assert.equal(previewed("aws:lambda/permission:Permission", { principal: "*", sourceArn: UNKNOWN_STRING }), "advisory");
        });

        it("an unknown elsewhere does not hide a statement already known to be public", () => {
            const known = statement({ Sid: "Open" });
            const messages = previewed("aws-native:s3:BucketPolicy", {
                policyDocument: document(known, statement({ Principal: UNKNOWN_STRING })),
            });
            assert.ok(Array.isArray(messages) && messages.length === 1, String(messages));
        });
    });

    it("refuses a document that is not a policy (it cannot be shown to keep anyone out), never throws", () => {
        for (const value of ["{", "not json", 42, true, ["*"]]) {
            const messages = check(policy, "aws:s3/bucketPolicy:BucketPolicy", { policy: value });
            assert.equal(messages.length, 1, String(value));
            assert.match(messages[0], /cannot be read/);
        }
    });
});
