import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { fromIni } from "@aws-sdk/credential-provider-ini";
import {
    SESSION_PROFILE_FILE,
    sessionProfile,
    sessionProfileVariables,
    sessionProfileWriter,
} from "../../components/workload/session-profile";

// The writer's command run by a real shell, and its file read by the real AWS SDK for JavaScript
// v3 as the application's would: the SDK takes the task role's credentials from the container
// credentials endpoint (a local server here) and asks STS for the session role, for 900 seconds.

const SESSION_ROLE = "arn:aws:iam::111111111111:role/staging-orders-session";
const LOGS = { logDriver: "awslogs" as const, options: { "awslogs-group": "/zero-trust/staging/workloads/orders" } };
const CONTAINER_CREDENTIALS = { AccessKeyId: "ASIATASKROLE", SecretAccessKey: "task-secret", Token: "task-token" };

/** Runs the writer container's entry point and command with its environment, writing to `file` instead of the volume. */
function runWriter(profile: string, file: string): void {
    const writer = sessionProfileWriter({ image: "unused", user: "10001", logConfiguration: LOGS }, profile);
    const [shell, flag] = writer.entryPoint;
    assert.deepStrictEqual([shell, flag], ["/bin/sh", "-c"]);
    const command = writer.command[0];
    assert.ok(command.includes(SESSION_PROFILE_FILE), command);
    const environment = Object.fromEntries(writer.environment.map(({ name, value }) => [name, value]));
    execFileSync("sh", [flag, command.replace(SESSION_PROFILE_FILE, file)], { env: { PATH: process.env.PATH, ...environment } });
}

describe("the session profile (what the writer container writes, as the SDK reads it)", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "session-profile-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is written byte for byte by the writer's shell command, readable by others, whatever the text holds", () => {
        const profile = sessionProfile(SESSION_ROLE, "eu-west-1", "staging-orders");
        const file = path.join(dir, "config");
        runWriter(profile, file);
        assert.strictEqual(fs.readFileSync(file, "utf8"), profile);
        assert.strictEqual(fs.statSync(file).mode & 0o777 & 0o044, 0o044, "group and others can read it");
        const awkward = "[profile x]\nrole_arn = a'b\"c $HOME `id` %s\n";
        runWriter(awkward, file);
        assert.strictEqual(fs.readFileSync(file, "utf8"), awkward);
    });

    it("points the SDK at the file and the profile", () => {
        assert.deepStrictEqual(sessionProfileVariables(), { AWS_CONFIG_FILE: "/aws-session/config", AWS_PROFILE: "session" });
    });

    it("makes the AWS SDK assume the session role for 900 seconds with the container's credentials", async () => {
        const file = path.join(dir, "config");
        runWriter(sessionProfile(SESSION_ROLE, "eu-west-1", "staging-orders"), file);
        const server = http.createServer((_request, response) => {
            response.setHeader("content-type", "application/json");
            response.end(JSON.stringify({ ...CONTAINER_CREDENTIALS, Expiration: new Date(Date.now() + 3_600_000).toISOString() }));
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const saved = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
        process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/credentials`;
        try {
            const calls: { source: { accessKeyId: string }; params: Record<string, unknown> }[] = [];
            const credentials = await fromIni({
                profile: sessionProfileVariables().AWS_PROFILE,
                configFilepath: file,
                filepath: path.join(dir, "no-credentials-file"),
                roleAssumer: (source, params) => {
                    calls.push({ source, params: { ...params } });
                    return Promise.resolve({ accessKeyId: "ASIASESSION", secretAccessKey: "s", sessionToken: "t" });
                },
            })();
            assert.strictEqual(credentials.accessKeyId, "ASIASESSION");
            assert.strictEqual(calls.length, 1);
            assert.strictEqual(calls[0].source.accessKeyId, CONTAINER_CREDENTIALS.AccessKeyId);
            assert.deepStrictEqual(
                [calls[0].params.RoleArn, calls[0].params.DurationSeconds, calls[0].params.RoleSessionName],
                [SESSION_ROLE, 900, "staging-orders"],
            );
        } finally {
            if (saved === undefined) {
                delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
            } else {
                process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = saved;
            }
            server.close();
        }
    });
});
