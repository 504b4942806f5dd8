import * as assert from "assert";
import * as aws from "@pulumi/aws";
import {
    PrivateCertificateAuthority,
    type PrivateCertificateAuthorityArgs,
    TRUST_STORE_BUNDLE_KEY,
} from "../../components/workload/private-certificate-authority";
import { trustStoreBucketPolicy } from "../../components/workload/private-ca-policies";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { waitForRPCs } from "../../offline-preview/pulumi-sdk-internals";
import {
    awsResourcesThrough,
    dependenciesOf,
    exactlyOne,
    installPreviewMonitor,
    only,
    RecordingMocks,
    valueOf,
} from "../network/recording-mocks";
import { ACCOUNT_ID, DATA_KEY_ARN, REGION, T } from "./workload-fixtures";

const BASE: PrivateCertificateAuthorityArgs = {
    environment: "staging",
    region: REGION,
    accountId: ACCOUNT_ID,
    commonName: "zero-trust staging services",
    organization: "Example Ltd",
    dataKeyArn: DATA_KEY_ARN,
    rootValidityYears: 10,
};
const BUCKET = "staging-mtls-trust-store-111111111111-eu-west-1";

interface Built {
    mocks: RecordingMocks;
    authority: PrivateCertificateAuthority;
}
const builds = new Map<string, Promise<Built>>();

function build(overrides: Partial<PrivateCertificateAuthorityArgs> = {}): Promise<Built> {
    const key = JSON.stringify(overrides, (_, v: unknown) => (v === undefined ? "(undefined)" : v));
    let cached = builds.get(key);
    if (cached === undefined) {
        const mocks = RecordingMocks.install();
        const provider = new aws.Provider("test-provider", { region: REGION });
        const authority = new PrivateCertificateAuthority("mtls", { ...BASE, ...overrides }, { provider });
        cached = mocks.settled().then(() => ({ mocks, authority }));
        builds.set(key, cached);
    }
    return cached;
}

describe("PrivateCertificateAuthority", () => {
    it("declares its resources as children, through the given provider", async () => {
        const { mocks } = await build();
        const component = only(mocks, "zero-trust:workload:PrivateCertificateAuthority");
        for (const resource of awsResourcesThrough(mocks, "test-provider")) {
            assert.strictEqual(resource.parent, component.urn, resource.name);
        }
    });

    it("is a root CA in short-lived certificate mode, ECDSA P-256, without revocation, restorable for 30 days, protected", async () => {
        const ca = only((await build()).mocks, T.ca);
        assert.deepStrictEqual(
            [ca.inputs.type, ca.inputs.usageMode, ca.inputs.enabled, ca.inputs.permanentDeletionTimeInDays, ca.protect],
            ["ROOT", "SHORT_LIVED_CERTIFICATE", true, 30, true],
        );
        assert.deepStrictEqual(ca.inputs.certificateAuthorityConfiguration, {
            keyAlgorithm: "EC_prime256v1",
            signingAlgorithm: "SHA256WITHECDSA",
            subject: { commonName: "zero-trust staging services", organization: "Example Ltd" },
        });
        assert.strictEqual(ca.inputs.revocationConfiguration, undefined);
    });

    it("leaves the organisation out of the subject when none is given", async () => {
        const ca = only((await build({ organization: undefined })).mocks, T.ca);
        assert.deepStrictEqual((ca.inputs.certificateAuthorityConfiguration as { subject: unknown }).subject, {
            commonName: "zero-trust staging services",
        });
    });

    it("signs its own root with the root template for the configured years and installs it", async () => {
        const { mocks } = await build({ rootValidityYears: 5 });
        const ca = only(mocks, T.ca);
        const root = only(mocks, T.caCertificate);
        assert.deepStrictEqual(
            [root.inputs.certificateAuthorityArn, root.inputs.templateArn, root.inputs.signingAlgorithm, root.inputs.validity],
            [ca.outputs.arn, "arn:aws:acm-pca:::template/RootCACertificate/V1", "SHA256WITHECDSA", { type: "YEARS", value: "5" }],
        );
        assert.strictEqual(only(mocks, T.caInstalled).inputs.certificateAuthorityArn, ca.outputs.arn);
    });

    it("chains what AWS computes: the CA's CSR → root certificate → installed root and CA bundle → trust store (at preview)", async () => {
        const monitor = installPreviewMonitor();
        new PrivateCertificateAuthority("mtls", BASE, { provider: new aws.Provider("test-provider", { region: REGION }) });
        await waitForRPCs();
        const urnOf = (type: string) =>
            exactlyOne(
                monitor.recorded.filter((r) => r.type === type),
                type,
            ).urn;
        const dependsOn = (type: string, property: string) =>
            exactlyOne(
                monitor.recorded.filter((r) => r.type === type),
                type,
            ).propertyDependencies[property];
        assert.deepStrictEqual(dependsOn(T.caCertificate, "certificateSigningRequest"), [urnOf(T.ca)], "the root signs the CA's own CSR");
        assert.deepStrictEqual(dependsOn(T.caInstalled, "certificate"), [urnOf(T.caCertificate)]);
        assert.deepStrictEqual(dependsOn(T.bundle, "content"), [urnOf(T.caCertificate)], "the bundle is the root certificate");
        assert.deepStrictEqual(
            dependsOn(T.trustStore, "caCertificatesBundleS3ObjectVersion"),
            [urnOf(T.bundle)],
            "pinned to the bundle's version",
        );
    });

    it("publishes the CA only once its root is installed (before that it cannot issue)", async () => {
        const mocks = RecordingMocks.install();
        const provider = new aws.Provider("test-provider", { region: REGION });
        const authority = new PrivateCertificateAuthority("mtls", BASE, { provider });
        // A consumer of the ARN, as a caller's role policy would be.
        new aws.ssm.Parameter("consumer", { type: "String", value: authority.certificateAuthorityArn }, { provider });
        await mocks.settled();
        assert.strictEqual(await valueOf(authority.certificateAuthorityArn), only(mocks, T.ca).outputs.arn);
        assert.ok(dependenciesOf(mocks, "consumer").includes(only(mocks, T.caInstalled).urn), "waits for the installed root");
    });

    it("keeps the trust store's bundle in a private, versioned, KMS-encrypted, TLS-only, protected bucket", async () => {
        const { mocks } = await build();
        const bucket = only(mocks, T.bucket);
        assert.deepStrictEqual([bucket.inputs.bucket, bucket.inputs.forceDestroy, bucket.protect], [BUCKET, false, true]);
        assert.deepStrictEqual(only(mocks, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs, {
            bucket: BUCKET,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepStrictEqual(only(mocks, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule, {
            objectOwnership: "BucketOwnerEnforced",
        });
        assert.deepStrictEqual(only(mocks, "aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration, {
            status: "Enabled",
        });
        assert.deepStrictEqual(
            only(mocks, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules,
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: DATA_KEY_ARN }, bucketKeyEnabled: true }],
        );
        assert.deepStrictEqual(only(mocks, T.bucketPolicy).inputs.policy, trustStoreBucketPolicy(BUCKET));
    });

    it("writes the root certificate as the bundle, after the root is installed and the bucket is locked down", async () => {
        const { mocks } = await build();
        const bundle = only(mocks, T.bundle);
        assert.deepStrictEqual([bundle.inputs.key, bundle.inputs.contentType], [TRUST_STORE_BUNDLE_KEY, "application/x-pem-file"]);
        const after = dependenciesOf(mocks, bundle.name);
        for (const type of [T.caInstalled, T.bucketPolicy, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"]) {
            assert.ok(after.includes(only(mocks, type).urn), type);
        }
    });

    it("builds the trust store on that object, pinned to its version, and publishes its ARN", async () => {
        const { mocks, authority } = await build();
        const store = only(mocks, T.trustStore);
        assert.deepStrictEqual(
            [store.inputs.caCertificatesBundleS3Bucket, store.inputs.caCertificatesBundleS3Key],
            [BUCKET, TRUST_STORE_BUNDLE_KEY],
        );
        assert.strictEqual(await valueOf(authority.trustStoreArn), store.outputs.arn);
    });

    describe("refuses bad arguments before declaring anything", () => {
        const refused = (overrides: Partial<PrivateCertificateAuthorityArgs>, message: RegExp) =>
            assertRefusedBeforeDeclaring(() => new PrivateCertificateAuthority("bad", { ...BASE, ...overrides }), message);

        it("environment, region and account", async () => {
            await refused({ environment: "Prod" }, /^PrivateCertificateAuthority: environment: key "Prod" is not a lowercase name/);
            await refused({ region: "eu-west" }, /^PrivateCertificateAuthority: region: "eu-west" is not an AWS region code/);
            await refused({ accountId: "1111" }, /^PrivateCertificateAuthority: accountId: "1111" is not an AWS account id/);
        });

        it("subject names: 1 to 64 characters on one line", async () => {
            await refused({ commonName: "" }, /^PrivateCertificateAuthority: commonName: "" is not a certificate subject name/);
            await refused(
                { commonName: "x".repeat(65) },
                /^PrivateCertificateAuthority: commonName: "x{65}" is not a certificate subject name/,
            );
            await refused(
                { organization: "a\nb" },
                /^PrivateCertificateAuthority: organization: "a\\nb" is not a certificate subject name/,
            );
        });

        it("the data key must be a key ARN", async () => {
            await refused({ dataKeyArn: "alias/data" }, /^PrivateCertificateAuthority: dataKeyArn: "alias\/data" is not a KMS key ARN/);
        });

        it("root validity: 1 to 10 years", async () => {
            await refused(
                { rootValidityYears: 0 },
                /^PrivateCertificateAuthority: rootValidityYears: 0 is not a whole number of years from 1 to 10$/,
            );
            await refused(
                { rootValidityYears: 11 },
                /^PrivateCertificateAuthority: rootValidityYears: 11 is not a whole number of years from 1 to 10$/,
            );
        });

        it("a derived trust-store name ELB would refuse (longer than 32 characters, or with a double hyphen)", async () => {
            await refused(
                { environment: "an-environment-of-28-letters" },
                /^PrivateCertificateAuthority: trust-store name \(from environment\): "an-environment-of-28-letters-mtls" is not an ELB trust store name/,
            );
            await refused(
                { environment: "pre--prod" },
                /^PrivateCertificateAuthority: trust-store name \(from environment\): "pre--prod-mtls" is not an ELB trust store name/,
            );
        });

        it("a derived bucket name S3 would refuse (too long)", async () => {
            await refused(
                { environment: "staging-environment", region: "ap-southeast-1" },
                /^PrivateCertificateAuthority: trust-store bucket name \(from environment, accountId and region\): "staging-environment-mtls-trust-store-111111111111-ap-southeast-1" is not an S3 bucket name/,
            );
        });
    });
});
