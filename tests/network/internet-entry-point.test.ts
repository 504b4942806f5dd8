import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { InternetEntryPoint, type InternetEntryPointArgs } from "../../components/network/internet-entry-point";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { only, RecordingMocks } from "./recording-mocks";

const BASE: InternetEntryPointArgs = {
    environment: "staging",
    publicSubnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
    loadBalancerSecurityGroupId: "sg-0aaaaaaaaaaaaaaa1",
    allowHttpRedirect: true,
    certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
};
const BUNDLE = { caBundleS3Bucket: "staging-partner-ca-bundles", caBundleS3Key: "partners/ca-bundle.pem" };

async function build(overrides: Partial<InternetEntryPointArgs>): Promise<RecordingMocks> {
    const mocks = RecordingMocks.install();
    new InternetEntryPoint("entry", { ...BASE, ...overrides }, { provider: new aws.Provider("test-provider", { region: "eu-west-1" }) });
    return mocks.settled();
}

const httpsListener = (mocks: RecordingMocks) => mocks.named("entry-https");

describe("InternetEntryPoint: client certificates at the entry", () => {
    it("without them: no trust store, and the HTTPS listener asks no client for a certificate", async () => {
        const mocks = await build({});
        assert.deepStrictEqual(mocks.ofType("aws:lb/trustStore:TrustStore"), []);
        assert.strictEqual(httpsListener(mocks).inputs.mutualAuthentication, undefined);
    });

    it("with them: a trust store on the bundle, and the HTTPS listener verifies client certificates against it, expired ones refused", async () => {
        const mocks = await build({ clientCertificates: BUNDLE });
        const store = only(mocks, "aws:lb/trustStore:TrustStore");
        assert.deepStrictEqual(
            [store.inputs.caCertificatesBundleS3Bucket, store.inputs.caCertificatesBundleS3Key, store.parent],
            [BUNDLE.caBundleS3Bucket, BUNDLE.caBundleS3Key, only(mocks, "zero-trust:network:InternetEntryPoint").urn],
        );
        assert.deepStrictEqual(httpsListener(mocks).inputs.mutualAuthentication, {
            mode: "verify",
            trustStoreArn: store.outputs.arn,
            ignoreClientCertificateExpiry: false,
        });
        assert.strictEqual(mocks.named("entry-http-redirect").inputs.mutualAuthentication, undefined, "the redirect listener has no TLS");
    });

    it("refuses a bundle location S3 would not accept, before declaring anything", async () => {
        await assertRefusedBeforeDeclaring(
            () => new InternetEntryPoint("bad", { ...BASE, clientCertificates: { ...BUNDLE, caBundleS3Bucket: "Bundles" } }),
            /^InternetEntryPoint: clientCertificates.caBundleS3Bucket: "Bundles" is not an S3 bucket name/,
        );
        for (const key of ["", "/ca-bundle.pem", undefined]) {
            await assertRefusedBeforeDeclaring(
                () => new InternetEntryPoint("bad", { ...BASE, clientCertificates: { ...BUNDLE, caBundleS3Key: key as string } }),
                /^InternetEntryPoint: clientCertificates.caBundleS3Key: .* is not an S3 object key/,
            );
        }
    });
});
