// identity-role-session-duration and identity-permission-set-session-duration on both providers:
// the default limits (one hour for roles, eight for permission sets), per-role overrides capped at
// IAM's twelve hours, AWS's defaults for unset values, malformed durations refused with the
// reason, settings read defensively, and values unknown during preview.

import { strict as assert } from "assert";
import {
    assertEvaluated,
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_NUMBER,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const roles = resourcePolicy("identity-role-session-duration");
const permissionSets = resourcePolicy("identity-permission-set-session-duration");

const ROLES: [string, string][] = [
    ["aws:iam/role:Role", "name"],
    ["aws-native:iam:Role", "roleName"],
];
const PERMISSION_SETS = ["aws:ssoadmin/permissionSet:PermissionSet", "aws-native:sso:PermissionSet"];

describe("identity-role-session-duration", () => {
    for (const [type, nameKey] of ROLES) {
        const role = (name: unknown, maxSessionDuration: unknown) => ({ [nameKey]: name, maxSessionDuration });

        it(`${type}: refuses a session above one hour by default; one hour and unset pass`, () => {
            const messages = check(roles, type, role("deployer", 43_200));
            assert.equal(messages.length, 1);
            assert.match(messages[0], /maxSessionDuration is 43200 seconds \(12 hours\), above the 3600 seconds \(1 hour\)/);
            assert.match(messages[0], /role "deployer"/);
            assert.equal(check(roles, type, role("deployer", 3601)).length, 1);
            assert.equal(check(roles, type, role("deployer", "7200")).length, 1, "a number written as text is read");
            for (const maxSessionDuration of [3600, "3600", undefined, null]) {
                assert.deepEqual(check(roles, type, role("deployer", maxSessionDuration)), [], String(maxSessionDuration));
            }
        });

        it(`${type}: maximumRoleSessionSeconds raises the limit for every role, within IAM's bounds`, () => {
            assert.deepEqual(check(roles, type, role("deployer", 7200), { maximumRoleSessionSeconds: 7200 }), []);
            assert.equal(check(roles, type, role("deployer", 7201), { maximumRoleSessionSeconds: 7200 }).length, 1);
            // Outside 3600-43200, or not an integer: the default.
            for (const maximumRoleSessionSeconds of [86_400, 60, "7200", 7200.5]) {
                assert.equal(check(roles, type, role("deployer", 7200), { maximumRoleSessionSeconds }).length, 1);
            }
        });

        it(`${type}: longerRoleSessions gives a named role its own limit, at most twelve hours`, () => {
            const config = { longerRoleSessions: [{ roleName: "people-admin", maximumSessionSeconds: 28_800 }] };
            assert.deepEqual(check(roles, type, role("people-admin", 28_800), config), []);
            assert.match(
                check(roles, type, role("people-admin", 28_801), config)[0],
                /above the 28800 seconds \(8 hours\) its entry in longerRoleSessions allows/,
            );
            assert.equal(check(roles, type, role("deployer", 28_800), config).length, 1, "the entry names one role");
            assert.equal(check(roles, type, role("People-Admin", 28_800), config).length, 1, "names are exact");
            const aboveIam = { longerRoleSessions: [{ roleName: "people-admin", maximumSessionSeconds: 86_400 }] };
            assert.equal(check(roles, type, role("people-admin", 43_200), aboveIam).length, 1, "an entry above 43200 is ignored");
            const shorter = {
                maximumRoleSessionSeconds: 7200,
                longerRoleSessions: [{ roleName: "people-admin", maximumSessionSeconds: 3600 }],
            };
            assert.deepEqual(check(roles, type, role("people-admin", 7200), shorter), [], "an entry only lengthens");
            for (const longerRoleSessions of [
                "people-admin",
                [{ roleName: "people-admin" }],
                [null, 7],
                [{ roleName: " ", maximumSessionSeconds: 7200 }],
            ]) {
                assert.equal(check(roles, type, role(" ", 7200), { longerRoleSessions }).length, 1);
            }
        });

        it(`${type}: refuses a maxSessionDuration that is not a whole number of seconds`, () => {
            for (const maxSessionDuration of [3600.5, "one hour", true, [3600], { seconds: 3600 }]) {
                const messages = check(roles, type, role("deployer", maxSessionDuration));
                assertEvaluated(messages);
                assert.match(messages[0], /not a whole number of seconds/, JSON.stringify(maxSessionDuration));
            }
        });

        it(`${type}: preview: an unknown duration waits; an unknown name waits only when an override could apply`, () => {
            assert.throws(() => check(roles, type, unknownCheckingProxy(role("deployer", UNKNOWN_NUMBER))), isUnknownValueError);
            const config = { longerRoleSessions: [{ roleName: "people-admin", maximumSessionSeconds: 43_200 }] };
            assert.throws(() => check(roles, type, unknownCheckingProxy(role(UNKNOWN_STRING, 7200)), config), isUnknownValueError);
            assert.match(check(roles, type, unknownCheckingProxy(role(UNKNOWN_STRING, 7200)))[0], /for this role/);
            assert.deepEqual(check(roles, type, unknownCheckingProxy(role(UNKNOWN_STRING, 3600)), config), []);
            // No entry allows so long a session, whichever role this is.
            const shorter = { longerRoleSessions: [{ roleName: "people-admin", maximumSessionSeconds: 7200 }] };
            assert.equal(check(roles, type, unknownCheckingProxy(role(UNKNOWN_STRING, 7201)), shorter).length, 1);
            assert.throws(() => check(roles, type, unknownCheckingProxy(role(UNKNOWN_STRING, 7200)), shorter), isUnknownValueError);
        });
    }
});

describe("identity-permission-set-session-duration", () => {
    for (const type of PERMISSION_SETS) {
        const set = (sessionDuration: unknown) => ({ name: "operator", sessionDuration });

        it(`${type}: refuses a session above eight hours; eight, shorter and unset pass`, () => {
            for (const duration of ["PT9H", "PT8H1M", "PT481M", "PT12H", "PT0H600M"]) {
                const messages = check(permissionSets, type, set(duration));
                assert.equal(messages.length, 1, duration);
                assert.match(messages[0], /Permission set "operator" gives sessions of .*, above the PT8H allowed/);
            }
            for (const duration of ["PT8H", "PT480M", "PT7H59M", "PT1H", "PT1H30M", " PT4H ", undefined, null]) {
                assert.deepEqual(check(permissionSets, type, set(duration)), [], String(duration));
            }
        });

        it(`${type}: refuses, with the reason, a duration that is not ISO-8601 hours and minutes`, () => {
            for (const duration of ["P1D", "PT8H0S", "PT1.5H", "pt8h", "PT", "8H", "-PT1H", "PT8H PT1H", "PT1M1H", 28_800, true]) {
                const messages = check(permissionSets, type, set(duration));
                assertEvaluated(messages);
                assert.equal(messages.length, 1, String(duration));
                assert.match(
                    messages[0],
                    /session length cannot be read: .*(not an ISO-8601 duration in hours and minutes|not text)/,
                    String(duration),
                );
            }
        });

        it(`${type}: maximumPermissionSetSessionDuration sets the limit within PT1H-PT12H; anything else is the default`, () => {
            assert.deepEqual(check(permissionSets, type, set("PT12H"), { maximumPermissionSetSessionDuration: "PT12H" }), []);
            assert.match(
                check(permissionSets, type, set("PT2H"), { maximumPermissionSetSessionDuration: "PT1H30M" })[0],
                /above the PT1H30M allowed/,
            );
            for (const maximumPermissionSetSessionDuration of ["PT13H", "PT30M", "P1D", "8", 8, null]) {
                assert.deepEqual(check(permissionSets, type, set("PT8H"), { maximumPermissionSetSessionDuration }), []);
                assert.equal(check(permissionSets, type, set("PT9H"), { maximumPermissionSetSessionDuration }).length, 1);
            }
        });

        it(`${type}: preview: an unknown duration waits`, () => {
            assert.throws(() => check(permissionSets, type, unknownCheckingProxy(set(UNKNOWN_STRING))), isUnknownValueError);
            assert.match(
                check(permissionSets, type, unknownCheckingProxy({ name: UNKNOWN_STRING, sessionDuration: "PT10H" }))[0],
                /^This permission set gives sessions of "PT10H"/,
            );
        });
    }
});
