// The decision the workload policies share: walk a task definition's containers and report, in one
// violation, those a rule refuses. A list that is unknown during preview, or a container whose
// deciding value is, leaves the verdict undecided; a list that is not one is refused (fail closed).

import { ReportViolation } from "@pulumi/policy";
import { Props, Reading, Unknown, UNKNOWN } from "../../readers/known";
import { ODD } from "../../readers/tls/values";
import { ContainerView, readContainers } from "../../readers/workload/task-definitions";

/** A rule's verdict on one container: a problem to report, UNKNOWN, or undefined when it passes. */
export type ContainerRule = (container: ContainerView) => string | Unknown | undefined;

export function reportContainers(
    type: string,
    props: Props,
    reading: Reading,
    report: ReportViolation,
    rule: ContainerRule,
    fix: string,
): void {
    const containers = readContainers(type, props, reading);
    if (containers === undefined) {
        return;
    }
    if (containers === UNKNOWN) {
        reading.markUndecided();
        return;
    }
    if (containers === ODD) {
        report(
            `containerDefinitions is not a list of container definitions (or not valid JSON), so no container can be shown to comply. ${fix}`,
        );
        return;
    }
    const problems: string[] = [];
    for (const container of containers) {
        const verdict = rule(container);
        if (verdict === UNKNOWN) {
            reading.markUndecided();
        } else if (verdict !== undefined) {
            problems.push(`${container.at} ${verdict}`);
        }
    }
    if (problems.length > 0) {
        report(`${problems.join("; ")}. ${fix}`);
    }
}
