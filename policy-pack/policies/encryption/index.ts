// The Encryption at rest with customer-managed KMS keys family.

import { Policies } from "@pulumi/policy";
import { atRestCustomerManagedKey } from "./customer-managed-key";
import { kmsKeyDeletionWindow } from "./kms-key-deletion-window";
import { kmsKeyRotation } from "./kms-key-rotation";
import { secretRotation } from "./secret-rotation";

export { atRestCustomerManagedKey, kmsKeyDeletionWindow, kmsKeyRotation, secretRotation };

export const encryptionPolicies: Policies = [atRestCustomerManagedKey, kmsKeyRotation, kmsKeyDeletionWindow, secretRotation];
