package io.tradecheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradecheck import}: brings outside data into the rules folder (today: the USITC tariff schedule). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import outside data into the rules folder.",
        subcommands = {ImportHtsCommand.class})
class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: import hts FILE...");
    }
}
