import * as assert from "assert";
import { RecordingMocks } from "../network/recording-mocks";

/**
 * Asserts that `build` throws a one-line error matching `message` and that nothing was declared
 * but the providers `build` creates for the component (the component itself included).
 */
export async function assertRefusedBeforeDeclaring(build: () => unknown, message: RegExp): Promise<void> {
    const mocks = RecordingMocks.install();
    assert.throws(build, (err: Error) => {
        assert.match(err.message, message);
        assert.ok(!err.message.includes("\n"), `one line: ${err.message}`);
        return true;
    });
    await mocks.settled();
    const declared = mocks.registrations.map((r) => r.type).filter((type) => !type.startsWith("pulumi:providers:"));
    assert.deepStrictEqual(declared, [], "nothing is declared before the arguments are checked");
}
