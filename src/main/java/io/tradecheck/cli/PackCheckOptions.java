package io.tradecheck.cli;

import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackException;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.pack.PackCheck;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What {@code validate} and {@code test} share: the folder to check and the coverage setting of the one pack check. */
public class PackCheckOptions {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = "--coverage", paramLabel = "GATE|WARN", defaultValue = "GATE",
            description = "A row or logic rule no scenario exercises is an error (GATE, as in the service) or a warning")
    PackCheck.Coverage coverage;

    PackCheck.Checked check() {
        RulePackSource source;
        try {
            source = RulePackSource.fromDirectory(rulesDir);
        } catch (RulePackException e) {
            return PackCheck.notCompiled(null, e.problems());
        }
        return new PackCheck(new RulePackCompiler(), coverage).check(source);
    }
}
