// Property tests of the identity family's users and sessions: the ISO-8601 session parser reads
// every hours-and-minutes duration and refuses everything else without throwing, a permission
// set's verdict follows its minutes against the limit, and odd users, roles and permission sets
// never make a policy throw (a throw stops every preview in the organisation).

import { strict as assert } from "assert";
import fc from "fast-check";
import { formatSessionDuration, parseSessionDuration } from "../../policy-pack/readers/identity/session-duration";
import { malformedProps } from "./arbitraries";
import { assertEvaluated, check, resourcePolicy } from "./harness";

const TYPES = [
    "aws:iam/user:User",
    "aws:iam/userLoginProfile:UserLoginProfile",
    "aws:iam/accessKey:AccessKey",
    "aws-native:iam:User",
    "aws:iam/role:Role",
    "aws-native:iam:Role",
    "aws:ssoadmin/permissionSet:PermissionSet",
    "aws-native:sso:PermissionSet",
];
const POLICIES = ["identity-no-iam-users", "identity-role-session-duration", "identity-permission-set-session-duration"];
const SEEDS = ["PT8H", "PT12H", "PT1H30M", "P1D", "PT", "break-glass", 3600, 43_200, "3600", null, [], {}];
const KEYS = ["name", "user", "userName", "loginProfile", "password", "roleName", "maxSessionDuration", "sessionDuration", "instanceArn"];
const CONFIG = {
    breakGlassUserNames: ["break-glass"],
    breakGlassUsersWithAccessKeys: ["break-glass"],
    longerRoleSessions: [{ roleName: "break-glass", maximumSessionSeconds: 43_200 }],
};

describe("identity users and sessions: properties", () => {
    it("parses every PT<h>H<m>M, PT<h>H and PT<m>M duration to its minutes", () => {
        fc.assert(
            fc.property(fc.nat(10_000), fc.nat(10_000), fc.constantFrom("both", "hours", "minutes"), (hours, minutes, form) => {
                const text = form === "both" ? `PT${hours}H${minutes}M` : form === "hours" ? `PT${hours}H` : `PT${minutes}M`;
                const expected = form === "both" ? hours * 60 + minutes : form === "hours" ? hours * 60 : minutes;
                assert.deepEqual(parseSessionDuration(text), { minutes: expected });
            }),
        );
    });

    it("writes minutes back as a duration the parser reads to the same minutes", () => {
        fc.assert(
            fc.property(fc.nat(100_000), (minutes) => {
                assert.deepEqual(parseSessionDuration(formatSessionDuration(minutes)), { minutes });
            }),
        );
    });

    it("never throws on any text, and reads only what is hours and minutes", () => {
        fc.assert(
            fc.property(
                fc.oneof(
                    fc.string(),
                    fc.stringMatching(/^-?P(\d+[YMWD])*(T(\d+(\.\d+)?[HMS])*)?$/),
                    fc.string().map((s) => `PT${s}`),
                ),
                (text) => {
                    const parsed = parseSessionDuration(text);
                    assert.equal("minutes" in parsed, /^PT(\d+H)?(\d+M)?$/.test(text) && text !== "PT", text);
                },
            ),
        );
    });

    it("a permission set passes exactly when its session is at most the limit", () => {
        const policy = resourcePolicy("identity-permission-set-session-duration");
        fc.assert(
            fc.property(
                fc.constantFrom("aws:ssoadmin/permissionSet:PermissionSet", "aws-native:sso:PermissionSet"),
                fc.integer({ min: 0, max: 30 }),
                fc.integer({ min: 0, max: 200 }),
                fc.integer({ min: 60, max: 720 }),
                (type, hours, minutes, limit) => {
                    const messages = check(
                        policy,
                        type,
                        { name: "operator", sessionDuration: `PT${hours}H${minutes}M` },
                        { maximumPermissionSetSessionDuration: formatSessionDuration(limit) },
                    );
                    assert.equal(messages.length, hours * 60 + minutes > limit ? 1 : 0);
                },
            ),
        );
    });

    it("odd users, credentials, roles and permission sets never make a policy throw", () => {
        fc.assert(
            fc.property(fc.constantFrom(...TYPES), malformedProps(SEEDS, KEYS), fc.boolean(), (type, props, configured) => {
                for (const name of POLICIES) {
                    assertEvaluated(check(resourcePolicy(name), type, props, configured ? CONFIG : {}));
                }
            }),
        );
    });
});
