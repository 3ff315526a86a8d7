package io.tradecheck.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tradecheck}: the command line over the same engine as the service, on a local rules folder (no server).
 * Each subcommand is its own class listed in {@code subcommands}; to add one (validate, test, impact), write a
 * {@code @Command} class (with {@code @Mixin RulePackOptions} if it needs the rules) and add it to the list.
 */
@Command(name = "tradecheck",
        mixinStandardHelpOptions = true,
        versionProvider = TradecheckCommand.Version.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Trade-compliance pre-check from the command line, on a local rules folder.",
        subcommands = {CheckFileCommand.class, ValidateCommand.class, TestCommand.class, ImpactCommand.class,
                ImportCommand.class, GenerateCommand.class, StreamCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line checked, none with a gating outcome", "1:unreadable order file",
                "2:a line is PROHIBITED, LICENSE_REQUIRED or ERROR (check-file --fail-on chooses)", "3:the rules folder does not compile (or, for validate, has errors)",
                "4:a scenario failed (test)", "5:the draft changes a line (impact --fail-on-change)", "64:usage error"})
public class TradecheckCommand implements Runnable {
    static {
        // POI's Log4j 2 API is routed to JBoss LogManager (as in the service), which must own JUL from the start.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        quietLibraries();
        CommandLine commandLine = new CommandLine(new TradecheckCommand());
        useUsageExitCode(commandLine);
        return commandLine;
    }

    private static void useUsageExitCode(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        commandLine.getSubcommands().values().forEach(TradecheckCommand::useUsageExitCode);
    }

    /**
     * The engine and POI log through JUL/JBoss logging; a command line shows only its own output and real errors.
     * The levels must be set explicitly: without the service's logging configuration every level is enabled, and the
     * engine then builds a trace message for each rule it evaluates (measured: about a fifth of the batch time).
     */
    public static void quietLibraries() {
        ROOT.setLevel(Level.INFO);
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
    }

    /** Held here: JUL keeps loggers weakly, and a collected logger would forget its level. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger[] QUIET = {Logger.getLogger("org.drools"), Logger.getLogger("org.kie"),
            Logger.getLogger("org.apache.poi"), Logger.getLogger("org.mvel2")};

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TradecheckCommand.class.getPackage().getImplementationVersion();
            return new String[]{"tradecheck " + (v == null ? "(development build)" : v)};
        }
    }
}
