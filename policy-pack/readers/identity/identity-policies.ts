// What an identity policy resource grants, and to whom, in both providers: its policy documents,
// the managed policies it attaches, and the roles (or other principals) that receive them.
//
//   aws:iam/policy:Policy                         { policy }                            (attachable anywhere)
//   aws:iam/rolePolicy:RolePolicy                 { policy, role }
//   aws:iam/userPolicy:UserPolicy                 { policy, user }
//   aws:iam/groupPolicy:GroupPolicy               { policy, group }
//   aws:iam/role:Role                             { name, inlinePolicies: [{ name, policy }], managedPolicyArns }
//   aws:iam/rolePolicyAttachment:RolePolicyAttachment              { role, policyArn }
//   aws:iam/userPolicyAttachment:UserPolicyAttachment              { user, policyArn }
//   aws:iam/groupPolicyAttachment:GroupPolicyAttachment            { group, policyArn }
//   aws:iam/policyAttachment:PolicyAttachment                      { roles, users, groups, policyArn }
//   aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive   { roleName, policyArns }
//   aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive   { userName, policyArns }
//   aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive { groupName, policyArns }
//   aws-native:iam:ManagedPolicy                  { policyDocument, roles, users, groups }
//   aws-native:iam:RolePolicy                     { policyDocument, roleName }
//   aws-native:iam:UserPolicy                     { policyDocument, userName }
//   aws-native:iam:GroupPolicy                    { policyDocument, groupName }
//   aws-native:iam:Role                           { roleName, policies: [{ policyName, policyDocument }], managedPolicyArns }
//   aws-native:iam:User                           { policies: [{ policyName, policyDocument }], managedPolicyArns }
//   aws-native:iam:Group                          { policies: [{ policyName, policyDocument }], managedPolicyArns }

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { PolicyDocument, readPolicyDocument } from "./policy-document";

/** One grant: a policy document, or managed policies attached by ARN. */
export type Grant = { at: string; document: PolicyDocument } | { at: string; policyArns: readonly (string | Unknown)[] | Unknown };

/** Who receives a resource's grants: role names, and whether anything but those roles does. */
export interface Grantees {
    roles: readonly (string | Unknown)[] | Unknown;
    /** Users, groups, or (for a policy not attached here) whoever it is attached to later. */
    others: boolean | Unknown;
}

export interface IdentityGrants {
    grants: readonly Grant[];
    grantees: Grantees;
}

interface Shape {
    /** Property holding one policy document. */
    document?: string;
    /** Property holding a list of inline policies, and the names of their name and document fields. */
    inline?: { list: string; name: string; document: string };
    /** Property holding one managed policy ARN, or a list of them. */
    arn?: string;
    arns?: string;
    /** Property naming the one role that receives the grants. */
    role?: string;
    /** Properties listing roles, and other principals, that receive them (a policy attached to several). */
    roleList?: string;
    otherLists?: readonly string[];
    /** The grants reach principals other than roles (a user or group resource). */
    toOthers?: boolean;
}

const CLASSIC_INLINE = { list: "inlinePolicies", name: "name", document: "policy" };
const NATIVE_INLINE = { list: "policies", name: "policyName", document: "policyDocument" };

const SHAPES: ReadonlyMap<string, Shape> = new Map<string, Shape>([
    ["aws:iam/policy:Policy", { document: "policy", toOthers: true }],
    ["aws:iam/rolePolicy:RolePolicy", { document: "policy", role: "role" }],
    ["aws:iam/userPolicy:UserPolicy", { document: "policy", toOthers: true }],
    ["aws:iam/groupPolicy:GroupPolicy", { document: "policy", toOthers: true }],
    ["aws:iam/role:Role", { inline: CLASSIC_INLINE, arns: "managedPolicyArns", role: "name" }],
    ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", { arn: "policyArn", role: "role" }],
    ["aws:iam/userPolicyAttachment:UserPolicyAttachment", { arn: "policyArn", toOthers: true }],
    ["aws:iam/groupPolicyAttachment:GroupPolicyAttachment", { arn: "policyArn", toOthers: true }],
    ["aws:iam/policyAttachment:PolicyAttachment", { arn: "policyArn", roleList: "roles", otherLists: ["users", "groups"] }],
    ["aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", { arns: "policyArns", role: "roleName" }],
    ["aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive", { arns: "policyArns", toOthers: true }],
    ["aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", { arns: "policyArns", toOthers: true }],
    ["aws-native:iam:ManagedPolicy", { document: "policyDocument", roleList: "roles", otherLists: ["users", "groups"] }],
    ["aws-native:iam:RolePolicy", { document: "policyDocument", role: "roleName" }],
    ["aws-native:iam:UserPolicy", { document: "policyDocument", toOthers: true }],
    ["aws-native:iam:GroupPolicy", { document: "policyDocument", toOthers: true }],
    ["aws-native:iam:Role", { inline: NATIVE_INLINE, arns: "managedPolicyArns", role: "roleName" }],
    ["aws-native:iam:User", { inline: NATIVE_INLINE, arns: "managedPolicyArns", toOthers: true }],
    ["aws-native:iam:Group", { inline: NATIVE_INLINE, arns: "managedPolicyArns", toOthers: true }],
]);

/** Resources that grant identity permissions. */
export const IDENTITY_POLICY_TYPES: ReadonlySet<string> = new Set(SHAPES.keys());

function strings(value: unknown, reading: Reading): readonly (string | Unknown)[] | Unknown {
    const elements = reading.elements(value);
    return elements === UNKNOWN ? UNKNOWN : elements.filter((e): e is string | Unknown => e === UNKNOWN || typeof e === "string");
}

function inlineGrants(props: Props, inline: NonNullable<Shape["inline"]>, reading: Reading): Grant[] {
    const list = reading.list(props, inline.list);
    if (list === UNKNOWN) {
        return [{ at: inline.list, document: { kind: "unknown" } }];
    }
    return list.flatMap((entry, i): Grant[] => {
        if (entry === UNKNOWN) {
            return [{ at: `${inline.list}[${i}]`, document: { kind: "unknown" } }];
        }
        const name = reading.get(entry, inline.name);
        const raw = reading.get(entry, inline.document);
        if (raw === undefined || raw === null) {
            return [];
        }
        const at = `${inline.list}[${i}]${typeof name === "string" ? ` ${JSON.stringify(name)}` : ""}`;
        return [{ at, document: readPolicyDocument(raw, reading) }];
    });
}

function granteesOf(props: Props, shape: Shape, reading: Reading): Grantees {
    if (shape.role !== undefined) {
        const role = reading.get(props, shape.role);
        return { roles: role === UNKNOWN ? [UNKNOWN] : typeof role === "string" ? [role] : [], others: false };
    }
    if (shape.roleList === undefined) {
        return { roles: [], others: shape.toOthers === true };
    }
    const roles = strings(reading.get(props, shape.roleList), reading);
    const others = (shape.otherLists ?? []).map((name) => strings(reading.get(props, name), reading));
    if (others.some((o) => o !== UNKNOWN && o.length > 0)) {
        return { roles, others: true };
    }
    if (roles === UNKNOWN || others.some((o) => o === UNKNOWN)) {
        return { roles, others: UNKNOWN };
    }
    // Attached to nobody here: whoever it is attached to later receives it.
    return { roles, others: roles.length === 0 };
}

/** The grants of an identity policy resource and their grantees; undefined for another type. */
export function identityGrantsOf(type: string, props: Props, reading: Reading): IdentityGrants | undefined {
    const shape = SHAPES.get(type);
    if (shape === undefined) {
        return undefined;
    }
    const grants: Grant[] = [];
    if (shape.document !== undefined) {
        const raw = reading.get(props, shape.document);
        if (raw !== undefined && raw !== null) {
            grants.push({ at: shape.document, document: readPolicyDocument(raw, reading) });
        }
    }
    if (shape.inline !== undefined) {
        grants.push(...inlineGrants(props, shape.inline, reading));
    }
    const arnsAt = shape.arn ?? shape.arns;
    if (arnsAt !== undefined) {
        grants.push({ at: arnsAt, policyArns: strings(reading.get(props, arnsAt), reading) });
    }
    return { grants, grantees: granteesOf(props, shape, reading) };
}
