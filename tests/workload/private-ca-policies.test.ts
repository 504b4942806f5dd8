import * as assert from "assert";
import { authorize, evaluate } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import {
    certificateTemplateArn,
    CLIENT_CERTIFICATE_TEMPLATE_ARN,
    clientCertificateStatements,
    trustStoreBucketPolicy,
} from "../../components/workload/private-ca-policies";
import { ACCOUNT_ID, REGION } from "./workload-fixtures";

const CA = `arn:aws:acm-pca:${REGION}:${ACCOUNT_ID}:certificate-authority/0d6e4d7c-1f2a-4b3c-8d9e-0a1b2c3d4e5f`;
const OTHER_CA = `arn:aws:acm-pca:${REGION}:${ACCOUNT_ID}:certificate-authority/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a`;
const CALLER = { arn: `arn:aws:iam::${ACCOUNT_ID}:role/staging-fulfilment-task` };
const role: PolicyDocument = { Version: "2012-10-17", Statement: clientCertificateStatements(CA) };

const decide = (action: string, resource: string, template?: string) =>
    authorize(
        {
            principal: CALLER,
            action,
            resource,
            context: template === undefined ? {} : { "acm-pca:TemplateArn": template },
        },
        { identityPolicies: [role] },
        { strict: true },
    ).decision;

describe("private CA policies (as data)", () => {
    describe("a caller's client-certificate grant", () => {
        it("lets the caller issue a client-authentication certificate from this CA and fetch it", () => {
            assert.strictEqual(CLIENT_CERTIFICATE_TEMPLATE_ARN, "arn:aws:acm-pca:::template/EndEntityClientAuthCertificate/V1");
            assert.strictEqual(decide("acm-pca:IssueCertificate", CA, CLIENT_CERTIFICATE_TEMPLATE_ARN), "Allow");
            assert.strictEqual(decide("acm-pca:GetCertificate", CA), "Allow");
        });

        it("refuses every other template: CA, subordinate, server-authentication and the default end-entity one", () => {
            for (const template of [
                "RootCACertificate/V1",
                "SubordinateCACertificate_PathLen0/V1",
                "EndEntityServerAuthCertificate/V1",
                "EndEntityCertificate/V1",
                "CodeSigningCertificate/V1",
            ]) {
                assert.strictEqual(decide("acm-pca:IssueCertificate", CA, certificateTemplateArn(template)), "ImplicitDeny", template);
            }
            assert.strictEqual(
                decide("acm-pca:IssueCertificate", CA),
                "ImplicitDeny",
                "no template named: AWS applies EndEntityCertificate/V1",
            );
        });

        it("refuses another CA, and everything else a CA does", () => {
            assert.strictEqual(decide("acm-pca:IssueCertificate", OTHER_CA, CLIENT_CERTIFICATE_TEMPLATE_ARN), "ImplicitDeny");
            assert.strictEqual(decide("acm-pca:GetCertificate", OTHER_CA), "ImplicitDeny");
            for (const action of [
                "acm-pca:RevokeCertificate",
                "acm-pca:GetCertificateAuthorityCertificate",
                "acm-pca:ImportCertificateAuthorityCertificate",
                "acm-pca:UpdateCertificateAuthority",
                "acm-pca:DeleteCertificateAuthority",
                "acm-pca:CreatePermission",
            ]) {
                assert.strictEqual(decide(action, CA, CLIENT_CERTIFICATE_TEMPLATE_ARN), "ImplicitDeny", action);
            }
        });
    });

    describe("the trust-store bucket's policy", () => {
        const bucket = "staging-mtls-trust-store-111111111111-eu-west-1";
        const policy = trustStoreBucketPolicy(bucket);
        const request = (secure: string, resource: string) => ({
            principal: { arn: `arn:aws:iam::${ACCOUNT_ID}:role/deployer` },
            action: "s3:GetObject",
            resource,
            context: { "aws:SecureTransport": secure },
        });

        it("denies every request over plain HTTP, on the bucket and on its objects, and denies nothing over TLS", () => {
            for (const resource of [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/ca-bundle.pem`]) {
                assert.strictEqual(evaluate([policy], request("false", resource), { strict: true }), "ExplicitDeny", resource);
                assert.strictEqual(evaluate([policy], request("true", resource), { strict: true }), "ImplicitDeny", resource);
            }
        });
    });
});
