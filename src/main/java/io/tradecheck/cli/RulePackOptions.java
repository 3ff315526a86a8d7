package io.tradecheck.cli;

import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.pack.PackCheck;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * The options every rules-based subcommand shares ({@code @Mixin RulePackOptions rules;}): where the rule pack is and
 * which calendar dates a missing entry date. Compiles the pack the way the service does at start-up.
 */
public class RulePackOptions {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder to compile (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = "--customs-zone", paramLabel = "ZONE", defaultValue = "America/New_York",
            description = "Time zone whose date stands in for a missing entryDate (default: ${DEFAULT-VALUE})")
    ZoneId customsZone;

    /** The one pack check on the folder (a folder that cannot be read is a verdict with its problems). */
    public PackCheck.Checked check(PackCheck.Coverage coverage) {
        RulePackSource source;
        try {
            source = RulePackSource.fromDirectory(rulesDir);
        } catch (RulePackException e) {
            return PackCheck.notCompiled(null, e.problems());
        }
        return new PackCheck(new RulePackCompiler(), coverage).check(source);
    }

    /** @throws RulePackException with every problem, when the folder does not compile */
    public ShipmentChecker compile() {
        return new ShipmentChecker(new ActiveRuleSet(new RulePackCompiler().compile(RulePackSource.fromDirectory(rulesDir))),
                customsZone);
    }
}
