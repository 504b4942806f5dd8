// The entry-point and secret-rotation policies through the gRPC path: the open-entry fixture's
// `violating` stack is blocked by each of them, its `compliant` twin passes the whole pack.
import { strict as assert } from "node:assert";
import { runCliAsync, type CliResult } from "./cli-harness";

const PROJECT = ["--project", "tests/fixtures/open-entry-program"];

describe("offline preview of the open-entry fixture (entry points and secret rotation)", function () {
    this.timeout(300_000);
    let violating: CliResult;
    let compliant: CliResult;

    before(async () => {
        [violating, compliant] = await Promise.all([
            runCliAsync([...PROJECT, "--stack", "violating"]),
            runCliAsync([...PROJECT, "--stack", "compliant"]),
        ]);
    });

    it("blocks each unauthenticated entry point and the unrotated secret: one mandatory violation per policy, exit 1", () => {
        assert.equal(violating.status, 1, violating.stdout + violating.stderr);
        assert.match(violating.stdout, /5 mandatory violation\(s\), 0 advisory finding\(s\)/);
        for (const [policy, resource] of [
            ["ingress-api-gateway-route-authorization", "aws:apigatewayv2:Route proxy"],
            ["ingress-private-integration-authorizer", "aws:apigatewayv2:Route proxy"],
            ["ingress-api-gateway-method-authorization", "aws:apigateway:Method reports-get"],
            ["ingress-lambda-function-url-auth", "aws:lambda:FunctionUrl legacy-url"],
            ["encryption-secret-rotation", "aws:secretsmanager:Secret token"],
        ]) {
            assert.match(
                violating.stdout,
                new RegExp(`- \\[mandatory\\] \\[severity: \\w+\\] ${policy}\\s+\\(${resource.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)`),
            );
        }
    });

    it("passes the compliant twin: authorizers, IAM auth and a 30-day rotation, exit 0", () => {
        assert.equal(compliant.status, 0, compliant.stdout + compliant.stderr);
        assert.match(compliant.stdout, /all policies passed/);
    });
});
