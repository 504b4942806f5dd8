// Compliance references and documentation links of the encryption family (the shared TAG, cis()
// and nist() helpers live in ../metadata.ts).
//
// Control ids as published: CIS AWS Foundations Benchmark v3.0.0 2.2.1 (EBS encryption), 2.3.1
// (RDS encryption at rest), 2.4.1 (EFS encryption), 3.5 (CloudTrail logs encrypted with KMS CMKs),
// 3.6 (rotation for customer-created symmetric CMKs); AWS Security Hub maps KMS.4 (rotation) to
// NIST 800-53 r5 SC-12, SC-12(2), SC-28(3) and PCI DSS v4.0.1 3.7.4, KMS.3 (keys not deleted
// unintentionally) to SC-12, SC-12(2), and S3.17 (buckets encrypted with KMS keys) to SC-12(2),
// SC-13, SC-28, SC-28(1) and PCI DSS v4.0.1 3.5.1. HIPAA 164.312(a)(2)(iv) is the Security Rule's
// "encryption and decryption" implementation specification; SOC 2 CC6.1 covers logical access
// protections including encryption of information assets. PCI DSS 4.0 3.7.5 covers key
// retirement and destruction procedures.

import { TAG } from "../metadata";

/** Tags every encryption policy carries. */
export const ENCRYPTION_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "encryption",
    "data-at-rest",
    "kms",
    TAG.soc2("CC6.1"),
    TAG.hipaa("164.312(a)(2)(iv)"),
];

export const ENCRYPTION_DOCS = {
    servicesUsingKms: "https://docs.aws.amazon.com/kms/latest/developerguide/service-integration.html",
    keyConcepts: "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt",
    rotateKeys: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    deletingKeys: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
} as const;
