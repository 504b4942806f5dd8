/**
 * The identifiers of a GuardDuty finding that the responder acts on or writes (as tags, in
 * reports): finding id and type, resource type, the kind of principal of an access key.
 */

/**
 * A finding id: GuardDuty's are 32 hexadecimal characters; its API allows 1-300 characters
 * (FindingDetail.findingId). The responder writes the id as an EC2 tag value, which holds at most
 * 256, so it accepts 1-256 letters, digits, `_` and `-`.
 */
export const FINDING_ID = /^[A-Za-z0-9_-]{1,256}$/;
export const FINDING_ID_EXPECTED = "a GuardDuty finding id (1-256 letters, digits, _ or -)";

/**
 * A finding type, `ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact`
 * (GuardDuty User Guide, "GuardDuty finding format"), at most 100 characters (FindingDetail.findingType;
 * Finding.type says 50, yet types like `UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS`
 * are 68). Its parts use letters, digits and `&.!_-` (`Backdoor:EC2/C&CActivity.B!DNS`).
 */
export const FINDING_TYPE = /^(?=.{1,100}$)[A-Za-z0-9]+:[A-Za-z0-9]+\/[A-Za-z0-9&.!_-]+$/;
export const FINDING_TYPE_EXPECTED = "a GuardDuty finding type such as UnauthorizedAccess:EC2/SSHBruteForce (at most 100 characters)";

// GuardDuty documents no pattern for resource and user types; its values are single words
// (Instance, AccessKey, S3Bucket, EKSCluster; IAMUser, AssumedRole, Root, FederatedUser).

/** The type of resource a finding is about (Instance, AccessKey, S3Bucket, …): 1-64 letters or digits. */
export const RESOURCE_TYPE = /^[A-Za-z0-9]{1,64}$/;
export const RESOURCE_TYPE_EXPECTED = "a resource type (Instance, AccessKey, S3Bucket, …: 1-64 letters or digits)";

/** The kind of principal an access key belongs to (IAMUser, AssumedRole, Root, …): 1-64 letters. */
export const USER_TYPE = /^[A-Za-z]{1,64}$/;
export const USER_TYPE_EXPECTED = "a user type (IAMUser, AssumedRole, Root, FederatedUser, …: 1-64 letters)";
