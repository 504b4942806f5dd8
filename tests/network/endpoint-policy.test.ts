// The VPC endpoint policies as data, decided by the IAM evaluator: the organisation's principals
// only, except reading the AWS-owned buckets that ECR layers and Amazon Linux packages come from.
import * as assert from "assert";
import { organizationOnlyEndpointPolicyDocument, s3GatewayEndpointPolicyDocument } from "../../components/network/endpoint-policy";
import { evaluate, type PolicyRequest } from "../../iam/evaluator/policy-evaluator";

const ORG = "o-a1b2c3d4e5";
const REGION = "eu-west-1";
const IN_ORG = { "aws:PrincipalOrgID": ORG };
const OWN_ROLE = "arn:aws:iam::111111111111:role/orders-service";
/** A principal outside the organisation: ECR's presigned URL, or a foreign account's stolen credentials. */
const OUTSIDER = "arn:aws:iam::999999999999:role/anyone";

const request = (arn: string, action: string, resource: string, context: PolicyRequest["context"] = {}): PolicyRequest => ({
    principal: { arn },
    action,
    resource,
    context,
});

describe("VPC endpoint policies", () => {
    describe("organisation only (DynamoDB and the interface endpoints)", () => {
        const policy = organizationOnlyEndpointPolicyDocument(ORG);

        it("lets the organisation's principals through, and nobody else", () => {
            assert.strictEqual(evaluate([policy], request(OWN_ROLE, "kms:Decrypt", "*", IN_ORG)), "Allow");
            assert.strictEqual(
                evaluate([policy], request(OUTSIDER, "kms:Decrypt", "*", { "aws:PrincipalOrgID": "o-zzzzzzzzzz" })),
                "ImplicitDeny",
            );
            assert.strictEqual(
                evaluate([policy], request(OUTSIDER, "s3:GetObject", `arn:aws:s3:::prod-${REGION}-starport-layer-bucket/x`)),
                "ImplicitDeny",
            );
        });
    });

    describe("the S3 gateway endpoint", () => {
        const policy = s3GatewayEndpointPolicyDocument(ORG, REGION);

        it("lets the organisation's principals do what their own policies allow", () => {
            assert.strictEqual(evaluate([policy], request(OWN_ROLE, "s3:PutObject", "arn:aws:s3:::orders-data/x", IN_ORG)), "Allow");
            assert.strictEqual(evaluate([policy], request(OUTSIDER, "s3:GetObject", "arn:aws:s3:::orders-data/x")), "ImplicitDeny");
        });

        it("lets anyone read ECR's layer bucket and the Amazon Linux 2 and 2023 repositories of the region (the defect: they were blocked)", () => {
            for (const object of [
                `arn:aws:s3:::prod-${REGION}-starport-layer-bucket/03a1b2c3-layer`,
                `arn:aws:s3:::amazonlinux.${REGION}.amazonaws.com/2/core/latest/x86_64/mirror.list`,
                `arn:aws:s3:::amazonlinux-2-repos-${REGION}/2/core/2.0/x86_64/repodata/repomd.xml`,
                `arn:aws:s3:::al2023-repos-${REGION}-de612dc2/core/mirrors/latest/x86_64/mirror.list`,
            ]) {
                assert.strictEqual(evaluate([policy], request(OUTSIDER, "s3:GetObject", object)), "Allow", object);
                assert.strictEqual(
                    evaluate([organizationOnlyEndpointPolicyDocument(ORG)], request(OUTSIDER, "s3:GetObject", object)),
                    "ImplicitDeny",
                    object,
                );
            }
        });

        it("admits nothing else of another account: no other bucket, no other region, no write, no listing", () => {
            for (const [action, resource] of [
                ["s3:GetObject", "arn:aws:s3:::attacker-exfiltration/x"],
                ["s3:GetObject", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/x"],
                ["s3:PutObject", `arn:aws:s3:::prod-${REGION}-starport-layer-bucket/x`],
                ["s3:PutObject", `arn:aws:s3:::al2023-repos-${REGION}-de612dc2/x`],
                ["s3:ListBucket", `arn:aws:s3:::amazonlinux-2-repos-${REGION}`],
            ]) {
                assert.strictEqual(evaluate([policy], request(OUTSIDER, action, resource)), "ImplicitDeny", `${action} ${resource}`);
            }
        });
    });
});
