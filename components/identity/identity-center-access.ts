import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, fail, show, validChoice, validNonEmptyList } from "../../validation/argument-error";
import { validAccountId } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { validGroupId, validInstanceArn, validSessionDuration } from "./identity-parameters";
import { inlinePolicyContent, PERMISSION_SET_KEYS, PERMISSION_SETS, type PermissionSetKey } from "./permission-set-policies";

/** One grant: a group of the Identity Store gets a permission set in some accounts. */
export interface IdentityCenterAssignment {
    /** Identity Store group id (a GUID, from config; never looked up), e.g. `9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b`. */
    groupId: string;
    /** Key of the permission set granted; one of the component's `permissionSets`. */
    permissionSet: PermissionSetKey;
    /**
     * Target accounts by a stable key → 12-digit account id, or the id output of an account created
     * in the same stack. The key names the assignment (`<name>-<permissionSet>-<key>-<groupId>`),
     * so keep keys stable; changing an id under the same key replaces that assignment.
     */
    accounts: Readonly<Record<string, pulumi.Input<string>>>;
}

export interface IdentityCenterAccessArgs {
    /**
     * ARN of the IAM Identity Center instance (`arn:aws:sso:::instance/ssoins-…`), from config:
     * never looked up (`aws.ssoadmin.getInstances` needs a live account). Every resource is
     * declared through `opts.provider`, which must reach the instance's management account (or its
     * delegated administrator) in the instance's region.
     */
    instanceArn: string;
    /** Name of the organisation's log-archive bucket; every permission set denies deleting or altering its logs and settings. */
    logArchiveBucketName: string;
    /** Audit log group name patterns (`*` wildcard) every permission set may not delete or alter; default: VPC flow logs and CloudTrail log groups. */
    auditLogGroupPatterns?: readonly string[];
    /** Which job functions get a permission set; default all of `PERMISSION_SET_KEYS` (developer, security-auditor, platform-admin, read-only). */
    permissionSets?: readonly PermissionSetKey[];
    /**
     * Session lengths (ISO-8601 `PT<h>H<m>M`) replacing the defaults (PT4H; platform-admin PT1H).
     * Between PT1H and PT8H; platform-admin at most PT2H.
     */
    sessionDurations?: Partial<Record<PermissionSetKey, string>>;
    /** Who gets which permission set in which accounts (principal type GROUP, target type AWS_ACCOUNT); default none. */
    assignments?: readonly IdentityCenterAssignment[];
    /** Tags on every permission set (the provider's `defaultTags` apply as well). */
    tags?: Readonly<Record<string, string>>;
}

/** What is declared for one permission set, decided before anything is. */
interface PermissionSetPlan {
    readonly key: PermissionSetKey;
    readonly sessionDuration: string;
    readonly inlinePolicy: string;
}

/** The whole plan, validated: the constructor declares exactly this, or throws before declaring anything. */
interface AccessPlan {
    readonly instanceArn: string;
    readonly permissionSets: readonly PermissionSetPlan[];
    readonly assignments: readonly {
        groupId: string;
        permissionSet: PermissionSetKey;
        accountKey: string;
        accountId: pulumi.Input<string>;
    }[];
}

/** Validates every argument and computes every document; throws a one-line error naming the argument. */
function planAccess(args: IdentityCenterAccessArgs): AccessPlan {
    const instanceArn = validInstanceArn("instanceArn", args.instanceArn);

    const keys = validNonEmptyList(
        "permissionSets",
        args.permissionSets ?? PERMISSION_SET_KEYS,
        `a non-empty list of ${PERMISSION_SET_KEYS.join(", ")}`,
    ) as readonly PermissionSetKey[];
    keys.forEach((key, i) => {
        validChoice(`permissionSets[${i}]`, key, PERMISSION_SET_KEYS);
        if (keys.indexOf(key) !== i) {
            throw new Error(`permissionSets[${i}]: ${show(key)} is listed twice`);
        }
    });

    for (const key of Object.keys(args.sessionDurations ?? {})) {
        if (!keys.includes(key as PermissionSetKey)) {
            throw new Error(`sessionDurations: ${show(key)} is not a declared permission set (${keys.join(", ")})`);
        }
    }

    const permissionSets = keys.map((key): PermissionSetPlan => {
        const definition = PERMISSION_SETS[key];
        const requested = args.sessionDurations?.[key] ?? definition.defaultSessionDuration;
        return {
            key,
            sessionDuration: validSessionDuration(`sessionDurations.${key}`, requested, definition.maxSessionMinutes),
            inlinePolicy: inlinePolicyContent(key, definition.inlinePolicy(args)),
        };
    });

    const assignments: AccessPlan["assignments"][number][] = [];
    const seen = new Set<string>();
    const requestedAssignments: unknown = args.assignments ?? [];
    if (!Array.isArray(requestedAssignments)) {
        throw new Error(`assignments: ${show(requestedAssignments)} is not a list of { groupId, permissionSet, accounts }`);
    }
    (requestedAssignments as readonly IdentityCenterAssignment[]).forEach((assignment, i) => {
        const where = `assignments[${i}]`;
        if (assignment === null || typeof assignment !== "object") {
            fail(where, assignment, "an assignment ({ groupId, permissionSet, accounts })");
        }
        const groupId = validGroupId(`${where}.groupId`, assignment.groupId);
        if (!keys.includes(assignment.permissionSet)) {
            fail(`${where}.permissionSet`, assignment.permissionSet, `a declared permission set (${keys.join(", ")})`);
        }
        const given: unknown = assignment.accounts;
        if (given === null || typeof given !== "object" || Array.isArray(given) || pulumi.Output.isInstance(given)) {
            fail(`${where}.accounts`, given, "a map of stable key → 12-digit account id");
        }
        const accounts = Object.entries(given as Readonly<Record<string, pulumi.Input<string>>>);
        if (accounts.length === 0) {
            throw new Error(`${where}.accounts: ${show(assignment.accounts)} names no account (expected key → 12-digit account id)`);
        }
        for (const [accountKey, accountId] of accounts) {
            validNameKey(`${where}.accounts`, accountKey);
            checkWhenKnown(`${where}.accounts.${accountKey}`, accountId, validAccountId);
            const identity = `${groupId}/${assignment.permissionSet}/${accountKey}`;
            const plain = typeof accountId === "string" ? `${groupId}/${assignment.permissionSet}/#${accountId}` : undefined;
            if (seen.has(identity) || (plain !== undefined && seen.has(plain))) {
                throw new Error(
                    `${where}.accounts.${accountKey}: group ${groupId} already gets ${assignment.permissionSet} in this account`,
                );
            }
            seen.add(identity);
            if (plain !== undefined) seen.add(plain);
            assignments.push({ groupId, permissionSet: assignment.permissionSet, accountKey, accountId });
        }
    });

    return { instanceArn, permissionSets, assignments };
}

/** `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `view-only-access`. */
const policySlug = (arn: string): string =>
    arn
        .slice(arn.lastIndexOf("/") + 1)
        .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
        .toLowerCase();

/**
 * IAM Identity Center permission sets by job function (see `permission-set-policies.ts`) and the
 * groups' account assignments, declared in the organisation's management account (or the
 * delegated administrator for Identity Center) through `opts.provider`.
 *
 * Per permission set, the inline policy is attached first, then the managed policies one after
 * another, then the account assignments: Identity Center refuses concurrent changes to one
 * permission set (ConflictException), and no account ever gets a role with AdministratorAccess
 * but without the explicit Deny on audit logs. No relay state. MFA is the instance's sign-in
 * setting, not a resource (README).
 */
export class IdentityCenterAccess extends pulumi.ComponentResource {
    /** ARN per declared permission set. */
    public readonly permissionSetArns: Partial<Record<PermissionSetKey, pulumi.Output<string>>>;

    constructor(name: string, args: IdentityCenterAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate everything and build every document before declaring anything (the component
        // included): a bad value names the argument and nothing is created.
        const plan = planAccess(args);

        super("zero-trust:identity:IdentityCenterAccess", name, {}, opts);

        const permissionSetArns: Partial<Record<PermissionSetKey, pulumi.Output<string>>> = {};
        const lastChange: Partial<Record<PermissionSetKey, pulumi.Resource>> = {};
        for (const set of plan.permissionSets) {
            const definition = PERMISSION_SETS[set.key];
            const permissionSet = new aws.ssoadmin.PermissionSet(
                `${name}-${set.key}`,
                {
                    instanceArn: plan.instanceArn,
                    name: set.key,
                    description: definition.description,
                    sessionDuration: set.sessionDuration,
                    ...(args.tags !== undefined ? { tags: { ...args.tags } } : {}),
                },
                { parent: this },
            );
            let previous: pulumi.Resource = new aws.ssoadmin.PermissionSetInlinePolicy(
                `${name}-${set.key}-inline`,
                { instanceArn: plan.instanceArn, permissionSetArn: permissionSet.arn, inlinePolicy: set.inlinePolicy },
                { parent: this },
            );
            for (const managedPolicyArn of definition.managedPolicyArns) {
                previous = new aws.ssoadmin.ManagedPolicyAttachment(
                    `${name}-${set.key}-${policySlug(managedPolicyArn)}`,
                    { instanceArn: plan.instanceArn, permissionSetArn: permissionSet.arn, managedPolicyArn },
                    { parent: this, dependsOn: [previous] },
                );
            }
            lastChange[set.key] = previous;
            permissionSetArns[set.key] = permissionSet.arn;
        }

        for (const assignment of plan.assignments) {
            new aws.ssoadmin.AccountAssignment(
                `${name}-${assignment.permissionSet}-${assignment.accountKey}-${assignment.groupId}`,
                {
                    instanceArn: plan.instanceArn,
                    permissionSetArn: permissionSetArns[assignment.permissionSet] as pulumi.Output<string>,
                    principalType: "GROUP",
                    principalId: assignment.groupId,
                    targetType: "AWS_ACCOUNT",
                    targetId: assignment.accountId,
                },
                { parent: this, dependsOn: [lastChange[assignment.permissionSet] as pulumi.Resource] },
            );
        }

        this.permissionSetArns = permissionSetArns;
        this.registerOutputs({ permissionSetArns });
    }
}
