import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, validMatching, validWholeNumber } from "../../validation/argument-error";
import { validAccountId, validBucketName, validKeyArn, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { privateBucketSettings } from "../audit-logs/audit-bucket-settings";
import { resourceTags } from "../network/resource-tags";
import { ROOT_CERTIFICATE_TEMPLATE_ARN, trustStoreBucketPolicy } from "./private-ca-policies";

/**
 * The CA's key: ECDSA P-256, signed SHA-256. Both AWS Private CA and ALB trust stores accept it, and
 * its signatures are small and fast for callers that renew a certificate every few days.
 */
export const CA_KEY_ALGORITHM = "EC_prime256v1";
export const CA_SIGNING_ALGORITHM = "SHA256WITHECDSA";

/** Days a deleted CA can still be restored: the longest AWS allows (7-30), since every caller's trust hangs on it. */
export const CA_PERMANENT_DELETION_DAYS = 30;

/** Longest root validity accepted: a root outliving a decade is a key nobody remembers how to replace. */
export const MAX_ROOT_VALIDITY_YEARS = 10;

/** Key of the CA bundle (the root certificate, PEM) in the trust-store bucket. */
export const TRUST_STORE_BUNDLE_KEY = "ca-bundle.pem";

/** An X.509 subject attribute: 1 to 64 characters (RFC 5280 upper bounds of common and organisation names). */
const SUBJECT_ATTRIBUTE = /^[^\n]{1,64}$/;

export interface PrivateCertificateAuthorityArgs {
    /** Environment name, used in names and `Name` tags. */
    environment: string;
    /** The environment's region (part of the trust-store bucket's name). */
    region: string;
    /** The environment's account (part of the trust-store bucket's name). */
    accountId: string;
    /** Common name of the CA's subject. */
    commonName: string;
    /** Organisation of the CA's subject. */
    organization?: string;
    /** Customer-managed key that encrypts the trust-store bucket (the environment's `data` key). */
    dataKeyArn: pulumi.Input<string>;
    /** Validity of the self-signed root certificate, in years (1-10). */
    rootValidityYears: number;
}

/** Name of the environment's trust-store bucket: account and region make it globally unique. */
export const trustStoreBucketName = (environment: string, accountId: string, region: string): string =>
    `${environment}-mtls-trust-store-${accountId}-${region}`;

/** Name of the environment's trust store (one per environment and region; ELB allows 32 characters). */
export const trustStoreName = (environment: string): string => `${environment}-mtls`;

/** ELB trust store names: alphanumeric words joined by single hyphens, 1 to 32 characters. */
const TRUST_STORE_NAME = /^(?=.{1,32}$)([a-zA-Z0-9]+-)*[a-zA-Z0-9]+$/;

/**
 * The environment's organisation CA for service-to-service mutual TLS, created once per environment:
 * an AWS Private CA root in short-lived certificate mode (it issues certificates valid at most 7
 * days, so it carries no revocation configuration: a stolen certificate expires about as fast as a
 * revocation list would reach the load balancers), its self-signed root certificate installed, and
 * an ALB trust store that holds that root, read from a private, versioned, KMS-encrypted, TLS-only
 * bucket. The CA only issues CLIENT certificates, which callers request themselves (see
 * `clientCertificateStatements`); ACM cannot issue from a short-lived CA, so the internal listeners'
 * server certificate comes from elsewhere. The CA and the bucket are protected.
 */
export class PrivateCertificateAuthority extends pulumi.ComponentResource {
    /** ARN of the CA; resolves once its root certificate is installed (before that it cannot issue). */
    public readonly certificateAuthorityArn: pulumi.Output<string>;
    /** ARN of the ALB trust store that holds the root: `InternalServiceEndpoint`'s `clientCertificates.trustStoreArn`. */
    public readonly trustStoreArn: pulumi.Output<string>;
    /** The root certificate (PEM), for clients and targets that verify the chain themselves. */
    public readonly rootCertificatePem: pulumi.Output<string>;

    constructor(name: string, args: PrivateCertificateAuthorityArgs, opts?: pulumi.ComponentResourceOptions) {
        const bucketName = checkArgs(args);
        super("zero-trust:workload:PrivateCertificateAuthority", name, {}, opts);
        const stem = `${args.environment}-mtls`;

        const authority = new aws.acmpca.CertificateAuthority(
            `${name}-ca`,
            {
                type: "ROOT",
                usageMode: "SHORT_LIVED_CERTIFICATE",
                certificateAuthorityConfiguration: {
                    keyAlgorithm: CA_KEY_ALGORITHM,
                    signingAlgorithm: CA_SIGNING_ALGORITHM,
                    subject: {
                        commonName: args.commonName,
                        ...(args.organization === undefined ? {} : { organization: args.organization }),
                    },
                },
                enabled: true,
                permanentDeletionTimeInDays: CA_PERMANENT_DELETION_DAYS,
                tags: resourceTags(`${stem}-ca`),
            },
            { parent: this, protect: true },
        );
        const root = new aws.acmpca.Certificate(
            `${name}-root-certificate`,
            {
                certificateAuthorityArn: authority.arn,
                certificateSigningRequest: authority.certificateSigningRequest,
                signingAlgorithm: CA_SIGNING_ALGORITHM,
                templateArn: ROOT_CERTIFICATE_TEMPLATE_ARN,
                validity: { type: "YEARS", value: String(args.rootValidityYears) },
            },
            { parent: this },
        );
        const installed = new aws.acmpca.CertificateAuthorityCertificate(
            `${name}-root-installed`,
            { certificateAuthorityArn: authority.arn, certificate: root.certificate, certificateChain: root.certificateChain },
            { parent: this },
        );

        const bucket = new aws.s3.Bucket(
            `${name}-trust-store-bucket`,
            { bucket: bucketName, forceDestroy: false, tags: resourceTags(bucketName) },
            { parent: this, protect: true },
        );
        const settings = privateBucketSettings(this, `${name}-trust-store`, bucket, args.dataKeyArn);
        const policy = new aws.s3.BucketPolicy(
            `${name}-trust-store-policy`,
            { bucket: bucket.id, policy: trustStoreBucketPolicy(bucketName) },
            { parent: this },
        );
        const bundle = new aws.s3.BucketObjectv2(
            `${name}-ca-bundle`,
            {
                bucket: bucket.id,
                key: TRUST_STORE_BUNDLE_KEY,
                content: root.certificate,
                contentType: "application/x-pem-file",
                tags: resourceTags(`${stem}-ca-bundle`),
            },
            // The bundle is published only once the root is the CA's and the bucket is private and encrypted.
            { parent: this, dependsOn: [installed, policy, ...settings.all] },
        );
        const trustStore = new aws.lb.TrustStore(
            `${name}-trust-store`,
            {
                name: trustStoreName(args.environment),
                caCertificatesBundleS3Bucket: bucket.bucket,
                caCertificatesBundleS3Key: bundle.key,
                // Pinning the version makes a new root a new bundle the trust store re-reads.
                caCertificatesBundleS3ObjectVersion: bundle.versionId,
                tags: resourceTags(`${stem}-trust-store`),
            },
            { parent: this },
        );

        this.certificateAuthorityArn = pulumi.all([authority.arn, installed.id]).apply(([arn]) => arn);
        this.trustStoreArn = trustStore.arn;
        this.rootCertificatePem = root.certificate;
        this.registerOutputs({
            certificateAuthorityArn: this.certificateAuthorityArn,
            trustStoreArn: this.trustStoreArn,
            rootCertificatePem: this.rootCertificatePem,
        });
    }
}

/** A subject attribute of the CA's certificate, or a one-line error naming `parameter`. */
function validSubjectName(parameter: string, value: unknown): string {
    return validMatching(parameter, value, SUBJECT_ATTRIBUTE, "a certificate subject name of 1 to 64 characters on one line");
}

/** The CA's invariants, checked before anything is declared; returns the trust-store bucket's name. */
function checkArgs(args: PrivateCertificateAuthorityArgs): string {
    validNameKey("PrivateCertificateAuthority: environment", args.environment);
    validRegion("PrivateCertificateAuthority: region", args.region);
    validAccountId("PrivateCertificateAuthority: accountId", args.accountId);
    validSubjectName("PrivateCertificateAuthority: commonName", args.commonName);
    if (args.organization !== undefined) {
        validSubjectName("PrivateCertificateAuthority: organization", args.organization);
    }
    checkWhenKnown("PrivateCertificateAuthority: dataKeyArn", args.dataKeyArn, validKeyArn);
    validWholeNumber("PrivateCertificateAuthority: rootValidityYears", args.rootValidityYears, 1, MAX_ROOT_VALIDITY_YEARS, "years");
    validMatching(
        "PrivateCertificateAuthority: trust-store name (from environment)",
        trustStoreName(args.environment),
        TRUST_STORE_NAME,
        "an ELB trust store name (1 to 32 characters, words of letters and digits joined by single hyphens)",
    );
    return validBucketName(
        "PrivateCertificateAuthority: trust-store bucket name (from environment, accountId and region)",
        trustStoreBucketName(args.environment, args.accountId, args.region),
    );
}
