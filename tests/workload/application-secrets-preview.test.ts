import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { applicationSecretPolicy } from "../../components/workload/application-secret-policy";
import { workloadRoleArn } from "../../components/workload/workload-names";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { runCli, tempDir } from "../offline-preview/cli-harness";

describe("offline preview of the secrets fixture (tests/fixtures/secrets-program) with the real policy pack", () => {
    let run: ReturnType<typeof runCli>;
    let resources: PlanResourceState[];
    const named = (name: string): PlanResourceState => {
        const found = resources.filter((r) => r.urn.endsWith(`::${name}`));
        assert.strictEqual(found.length, 1, name);
        return found[0];
    };
    before(() => {
        const file = path.join(tempDir(), "secrets-plan.json");
        run = runCli(["--project", "tests/fixtures/secrets-program", "--stack", "test", "--json", file]);
        const plan = JSON.parse(fs.readFileSync(file, "utf8")) as Plan;
        resources = plan.steps.map((s) => s.newState).filter((s): s is PlanResourceState => s !== undefined);
    });

    it("exits 0: every mandatory policy passes (the secret under a customer-managed key, no public policy)", () => {
        assert.strictEqual(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /all policies passed/);
    });

    it("encrypts the secret with the key ring's secrets key", () => {
        const secret = named("fixture-orders-secrets-payment-provider-token");
        assert.strictEqual(secret.inputs.kmsKeyId, named("fixture-keys-purpose-secrets").outputs?.arn);
    });

    it("admits the application's roles and the rotation role through the VPC's own Secrets Manager endpoint", () => {
        const endpoint = named("fixture-network-endpoints-secretsmanager");
        assert.strictEqual(endpoint.inputs.serviceName, "com.amazonaws.eu-west-1.secretsmanager");
        assert.deepStrictEqual(
            JSON.parse(named("fixture-orders-secrets-payment-provider-token-policy").inputs.policy as string),
            applicationSecretPolicy({
                readerRoleArns: [
                    workloadRoleArn("111111111111", "fixture", "orders", "session"),
                    workloadRoleArn("111111111111", "fixture", "orders", "execution"),
                ],
                rotationRoleArn: "arn:aws:iam::111111111111:role/orders-rotate-token",
                endpointId: endpoint.id ?? "",
            }),
        );
    });
});
