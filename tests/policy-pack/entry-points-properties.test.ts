// Property tests of the entry-point policies (ingress family) and of secret rotation: odd input
// never throws, and the verdicts follow the rules for every route key, authorization and period.

import { strict as assert } from "assert";
import fc from "fast-check";
import { scheduleInterval } from "../../policy-pack/readers/encryption/rotation-schedule";
import { assertEvaluated, check, checkStack, dependsOnVia, resource, resourcePolicy, stackPolicy } from "./harness";
import { malformedProps } from "./arbitraries";

const RESOURCE_POLICIES: Record<string, readonly string[]> = {
    "ingress-api-gateway-route-authorization": [
        "aws:apigatewayv2/route:Route",
        "aws-native:apigatewayv2:Route",
        "aws:apigatewayv2/api:Api",
        "aws-native:apigatewayv2:Api",
    ],
    "ingress-api-gateway-method-authorization": ["aws:apigateway/method:Method", "aws-native:apigateway:Method"],
    "ingress-lambda-function-url-auth": ["aws:lambda/functionUrl:FunctionUrl", "aws-native:lambda:Url"],
};

const STACK_TYPES = [
    ...Object.values(RESOURCE_POLICIES).flat(),
    "aws:apigatewayv2/integration:Integration",
    "aws-native:apigatewayv2:Integration",
    "aws:apigateway/integration:Integration",
    "aws:apigateway/restApi:RestApi",
    "aws-native:apigateway:RestApi",
    "aws:secretsmanager/secret:Secret",
    "aws-native:secretsmanager:Secret",
    "aws:secretsmanager/secretRotation:SecretRotation",
    "aws-native:secretsmanager:RotationSchedule",
];

const KEYS = [
    "routeKey",
    "authorizationType",
    "authorization",
    "authType",
    "httpMethod",
    "apiKeyRequired",
    "target",
    "apiId",
    "restApi",
    "restApiId",
    "connectionType",
    "integration",
    "id",
    "arn",
    "awsId",
    "name",
    "secretId",
    "rotationRules",
    "automaticallyAfterDays",
    "scheduleExpression",
];
const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "NONE",
    "JWT",
    "AWS_IAM",
    "VPC_LINK",
    "OPTIONS /",
    "$connect",
    "rate(1 days)",
    0,
    -1,
    1001,
    true,
    NaN,
];
const oddProps = malformedProps(SEEDS, KEYS);

const routes = resourcePolicy("ingress-api-gateway-route-authorization");
const rotation = stackPolicy("encryption-secret-rotation");
const VERBS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "ANY"];
const pathArb = fc.stringMatching(/^\/[a-z0-9{}+/-]{0,20}$/);

describe("entry-point and secret-rotation properties", () => {
    for (const [name, types] of Object.entries(RESOURCE_POLICIES)) {
        it(`${name}: arbitrary malformed props never throw`, () => {
            const policy = resourcePolicy(name);
            fc.assert(
                fc.property(fc.constantFrom(...types), oddProps, (type, props) => assertEvaluated(check(policy, type, props))),
                { numRuns: 300 },
            );
        });
    }

    for (const name of ["ingress-private-integration-authorizer", "encryption-secret-rotation"]) {
        it(`${name}: arbitrary stacks of odd, oddly linked resources never throw`, () => {
            const policy = stackPolicy(name);
            fc.assert(
                fc.property(
                    fc.array(
                        fc.tuple(fc.constantFrom(...STACK_TYPES), oddProps, fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom(...KEYS)),
                        {
                            maxLength: 8,
                        },
                    ),
                    (specs) => {
                        const resources = specs.map(([type, props], i) =>
                            resource(type, `r${i}`, (props ?? {}) as Record<string, unknown>),
                        );
                        specs.forEach(([, , links, key], i) => {
                            for (const link of links) {
                                dependsOnVia(resources[i], key, resources[link % resources.length]);
                            }
                        });
                        assertEvaluated(checkStack(policy, resources).map((f) => f.message));
                    },
                ),
                { numRuns: 300 },
            );
        });
    }

    it("an HTTP route is refused exactly when its authorization is not JWT, AWS_IAM or CUSTOM; a preflight never is", () => {
        const authorization = fc.oneof(
            fc.constantFrom(undefined, "NONE", "JWT", "AWS_IAM", "CUSTOM", "jwt", "COGNITO_USER_POOLS"),
            fc.string(),
        );
        fc.assert(
            fc.property(fc.constantFrom(...VERBS, "OPTIONS"), pathArb, authorization, (verb, path, authorizationType) => {
                const found = check(routes, "aws:apigatewayv2/route:Route", { routeKey: `${verb} ${path}`, authorizationType });
                const authenticated = ["JWT", "AWS_IAM", "CUSTOM"].includes(String(authorizationType).trim());
                assert.equal(found.length, verb === "OPTIONS" || authenticated ? 0 : 1);
            }),
            { numRuns: 300 },
        );
    });

    it("a rotation of N days (automaticallyAfterDays or rate(N days)) is refused exactly when N exceeds the maximum", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (days, maximum, asRate) => {
                const secret = resource("aws:secretsmanager/secret:Secret", "s");
                const rules = asRate ? { scheduleExpression: `rate(${days} days)` } : { automaticallyAfterDays: days };
                const schedule = dependsOnVia(
                    resource("aws:secretsmanager/secretRotation:SecretRotation", "r", { rotationRules: rules }),
                    "secretId",
                    secret,
                );
                assert.equal(
                    checkStack(rotation, [secret, schedule], { maximumSecretRotationDays: maximum }).length,
                    days > maximum ? 1 : 0,
                );
            }),
            { numRuns: 300 },
        );
    });

    it("scheduleInterval never throws: every expression gets a non-negative interval or a reason", () => {
        fc.assert(
            fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(rate|cron)\([0-9a-zA-Z*?#/ -]{0,30}\)$/)), (expression) => {
                const interval = scheduleInterval(expression);
                assert.ok("unbounded" in interval || interval.days >= 0);
            }),
            { numRuns: 500 },
        );
    });
});
