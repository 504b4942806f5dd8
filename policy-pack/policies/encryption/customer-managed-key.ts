// encryption-at-rest-customer-managed-key: every data store is encrypted at rest with a
// customer-managed KMS key.
//
// ONE policy for every store type of both providers, driven by the reader table in
// readers/encryption: the idea ("data at rest is encrypted under a key you control") is one, the
// config (which stores may use AWS-managed or AWS-owned keys) is one, and users enable, tune or
// downgrade it in one place. Per-store relaxation goes through `allowAwsManagedKeysFor` /
// `allowAwsOwnedKeysFor` (store names or type tokens) rather than through a policy per service.
//
// Every S3 bucket having an encryption configuration at all is a stack policy of the stack-wide
// family; this rule judges the configurations (and the buckets that carry theirs inline).

import { ResourceValidationPolicy } from "@pulumi/policy";
import { STORE_READERS, STORE_NAMES } from "../../readers/encryption";
import { guardResource } from "../guard";
import { nist, TAG } from "../metadata";
import { ENCRYPTION_DOCS, ENCRYPTION_FAMILY_TAGS } from "./metadata";
import { judgeStore } from "./judge";
import { encryptionSettings } from "./settings";

export const NAME = "encryption-at-rest-customer-managed-key";

/** Every type token this policy judges. */
export const STORE_TYPES: ReadonlySet<string> = new Set(STORE_READERS.keys());

export const atRestCustomerManagedKey: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Data stores are encrypted at rest with customer-managed KMS keys",
    description:
        "Every data store (S3 encryption configurations and aws-native buckets, EBS volumes, instance and launch-template block " +
        "devices, RDS instances and clusters, DynamoDB tables, EFS, SNS, SQS, CloudWatch log groups, Secrets Manager, Kinesis, " +
        "ECR, OpenSearch, Redshift, ElastiCache, MSK, Backup vaults, CloudTrail, DocumentDB, Neptune and global clusters, DAX, " +
        "EBS snapshot copies, Lambda environment variables, SSM SecureString parameters, MemoryDB, Redshift Serverless, SageMaker " +
        "notebooks, Amazon MQ, Firehose, EKS secrets; classic and aws-native) must be encrypted at rest with a customer-managed " +
        "KMS key. Unencrypted stores always fail; AWS-managed and AWS-owned keys fail unless the config allows them for that store.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("SC-28(1)", "Protection of Information at Rest | Cryptographic Protection"),
    tags: [
        ...ENCRYPTION_FAMILY_TAGS,
        TAG.nist("SC-28"),
        TAG.nist("SC-28(1)"),
        TAG.nist("SC-12"),
        TAG.nist("SC-12(2)"),
        TAG.nist("SC-13"),
        TAG.pci("3.5.1"),
        TAG.cis("2.2.1"),
        TAG.cis("2.3.1"),
        TAG.cis("2.4.1"),
        TAG.cis("3.5"),
        ...STORE_NAMES.map((store) => `store:${store}`),
    ],
    remediationSteps:
        "Create a customer-managed KMS key for the application and environment (aws.kms.Key with enableKeyRotation: true and a " +
        "key policy that admits the service), and reference its ARN on the store: kmsKeyId / kmsMasterKeyId / kmsKeyArn / " +
        "encryptionKeyArn, with the store's encryption switch on (encrypted, storageEncrypted, atRestEncryptionEnabled, " +
        "serverSideEncryption.enabled, encryptAtRest.enabled, sseAlgorithm aws:kms, encryptionType KMS). Do not name " +
        "alias/aws/<service> keys. Per service: an SSM SecureString's keyId, a Lambda function's kmsKeyArn (when it has " +
        'environment variables), an EKS encryptionConfig with resources ["secrets"] and provider.keyArn, an MQ broker\'s ' +
        "encryptionOptions { useAwsOwnedKey: false, kmsKeyId }, a Firehose stream's keyType CUSTOMER_MANAGED_CMK with keyArn. " +
        'DAX takes no customer-managed key: enable serverSideEncryption and allow its AWS-owned key (allowAwsOwnedKeysFor ["dax"]). ' +
        "Encryption of an existing RDS, Redshift, EFS, ElastiCache or EBS store cannot be switched " +
        "on in place: snapshot, copy the snapshot with the new key, and restore.",
    url: ENCRYPTION_DOCS.servicesUsingKms,
    configSchema: encryptionSettings.schema("allowAwsManagedKeys", "allowAwsManagedKeysFor", "allowAwsOwnedKeys", "allowAwsOwnedKeysFor"),
    validateResource: guardResource(NAME, STORE_TYPES, (args, props, report, reading) => {
        const reader = STORE_READERS.get(args.type);
        if (reader === undefined) {
            return;
        }
        const settings = encryptionSettings.from(args);
        for (const view of reader.read(props, reading)) {
            const verdict = judgeStore(view, reader, args.type, settings);
            if (verdict.kind === "fail") {
                const relax =
                    view.keyKind === "aws-managed"
                        ? ` (or allow AWS-managed keys for this store: allowAwsManagedKeysFor ["${reader.store}"])`
                        : view.keyKind === "aws-owned"
                          ? ` (or allow AWS-owned keys for this store: allowAwsOwnedKeysFor ["${reader.store}"])`
                          : "";
                report(`${reader.label}: ${view.origin} ${verdict.reason}. Encrypt it with a customer-managed KMS key${relax}.`);
            } else if (verdict.kind === "undecided") {
                reading.markUndecided();
            }
        }
    }),
};
