package io.tradecheck.cli;

import io.tradecheck.engine.ProductList;
import io.tradecheck.productlists.ProductListGenerator;
import io.tradecheck.reciprocal.ReciprocalCountryRates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tradecheck generate}: rebuilds generated parts of the rules folder from source data. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Rebuild generated parts of the rules folder from the shared data.",
        subcommands = {GenerateCommand.Lists.class, GenerateCommand.ReciprocalRates.class})
class GenerateCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: lists");
    }

    /** {@code tradecheck generate lists}: every product list of rules/lists/ from shared/data, reproducibly. */
    @Command(name = "lists", mixinStandardHelpOptions = true,
            description = {"Rebuild rules/lists/ (the legal product lists and their manifest lists.csv) from the shared "
                    + "data folder: the tracker's list extractions, Annex II as HTSUS prints it and the USITC HTS footnotes, "
                    + "which win where a list disagrees. Same input, same bytes: no timestamps, entries sorted.",
                    "Prints one line per list (id, entries) and the disagreements the HTS footnotes settled."})
    static class Lists implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
                description = "Shared data folder (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "rules/lists",
                description = "Lists folder to write (default: ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(data.resolve("product-lists"))) {
                System.err.println(data + ": not the shared data folder (no product-lists/ in it)");
                return ExitCodes.UNREADABLE_FILE;
            }
            ProductListGenerator generator = new ProductListGenerator(data);
            List<ProductList> lists = generator.generate();
            generator.write(out);
            for (ProductList list : lists) {
                System.out.printf("%-32s %6d entries  %s%n", list.id(), list.entries().size(), list.chapter99() == null ? "" : list.chapter99());
            }
            System.out.printf("%d lists written to %s; %d disagreements settled by the HTS:%n", lists.size(), out,
                    generator.disagreements().size());
            generator.disagreements().forEach(d -> System.out.println("  " + d.hts8() + " " + d.listFile() + " -> "
                    + d.listHts() + ": " + d.detail()));
            return ExitCodes.OK;
        }
    }

    /** {@code tradecheck generate reciprocal-rates}: the EO 14257 Annex I and EO 14326 country rates, from USITC. */
    @Command(name = "reciprocal-rates", mixinStandardHelpOptions = true,
            description = {"Rebuild " + ReciprocalCountryRates.TABLE + " and " + ReciprocalCountryRates.SCENARIOS
                    + " from shared/data/reciprocal (the USITC headings 9903.01.43-.76 and 9903.02.02-.71), leaving "
                    + "the countries and periods rules/us-import/reciprocal.csv models by hand to it."})
    static class ReciprocalRates implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
                description = "Shared data folder (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
                description = "Rules folder to write into (default: ${DEFAULT-VALUE})")
        Path rules;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(data.resolve("reciprocal"))) {
                System.err.println(data + ": not the shared data folder (no reciprocal/ in it)");
                return ExitCodes.UNREADABLE_FILE;
            }
            ReciprocalCountryRates rates = new ReciprocalCountryRates(data, rules);
            rates.write();
            System.out.printf("%s and %s written from %d Annex I and %d EO 14326 country rates%n",
                    rules.resolve(ReciprocalCountryRates.TABLE), rules.resolve(ReciprocalCountryRates.SCENARIOS),
                    rates.annexI().size(), rates.eo14326().size());
            return ExitCodes.OK;
        }
    }
}
