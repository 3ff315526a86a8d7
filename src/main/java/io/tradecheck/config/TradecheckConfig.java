package io.tradecheck.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tradecheck.pack.PackCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Every {@code tradecheck.*} setting of the service, each with its default here and nowhere else (the README's
 * settings table is checked against this interface by a test). Quarkus's own settings stay in application.properties.
 */
@ConfigMapping(prefix = "tradecheck")
public interface TradecheckConfig {

    /** The service's own state: users file, H2 database (decision log, rule history), batch jobs, uploads. */
    Data data();

    /** The calendar whose date stands in for a missing entryDate: US entries are dated in Eastern time. */
    @WithDefault("America/New_York")
    ZoneId customsZone();

    /** Where the decision log and the rule history live: {@code h2} (a file under the data dir) or {@code postgresql}. */
    @WithDefault("h2")
    String database();

    Rules rules();

    Drafts drafts();

    Cluster cluster();

    Stream stream();

    Upload upload();

    Limits limits();

    DecisionLog decisionLog();

    Security security();

    interface Data {
        @WithDefault("data")
        Path dir();
    }

    interface Rules {
        /** The rule pack, compiled at start-up and again after each edit. */
        @WithDefault("rules")
        Path dir();

        /** Put valid edits of the rules folder in force without a restart. */
        @WithDefault("true")
        boolean watch();

        /** How long the folder must be quiet before an edit is loaded. */
        @WithDefault("500ms")
        Duration debounce();

        /** A row or logic rule no scenario exercises: {@code gate} refuses the pack, {@code warn} lets it through. */
        @WithDefault("gate")
        PackCheck.Coverage coverage();
    }

    /** Replicas sharing rule versions and batch jobs through PostgreSQL (docs/operations.md, ADR 10). */
    interface Cluster {
        /** Follow the rule history in the database and share batch jobs there; needs tradecheck.database=postgresql. */
        @WithDefault("false")
        boolean enabled();

        /** With replicas, whether this one watches its rules folder (an authoring convenience); off on the others. */
        @WithDefault("false")
        boolean folderAuthor();

        /** How often a replica looks for a newer rule version in the database. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long an activation waits for the other replicas to compile the new version ahead of recording it. */
        @WithDefault("30s")
        Duration prepareTimeout();

        /** How long a replica's claim on a batch job lasts without renewal before another may take the job over. */
        @WithDefault("10s")
        Duration batchLease();

        /** This replica's name in the shared rows (default: host name and process id). */
        java.util.Optional<String> node();
    }

    /** The order-line stream on Kafka (docs/streams.md); off by default: a single node needs no broker. */
    interface Stream {
        /** Run the consumers in this service. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("localhost:9092")
        String bootstrapServers();

        @WithDefault("tradecheck.orders")
        String ordersTopic();

        @WithDefault("tradecheck.results")
        String resultsTopic();

        @WithDefault("tradecheck.orders.dlq")
        String deadLetterTopic();

        @WithDefault("tradecheck")
        String groupId();

        /** Consumers (threads) in this replica; every replica's consumers share the group. */
        @WithDefault("1")
        int consumers();

        /** The caller the decision log records for each line. */
        @WithDefault("stream")
        String caller();

        /** How long a stop waits for the consumers to answer and commit the lines in hand. */
        @WithDefault("30s")
        Duration stopTimeout();

        /** Further Kafka client settings, e.g. {@code tradecheck.stream.kafka."security.protocol"=SASL_SSL}. */
        java.util.Map<String, String> kafka();

        /** Names this replica's consumers in the group (default: host and process id). */
        java.util.Optional<String> name();
    }

    interface Drafts {
        /** Drafts kept in memory; the least recently changed goes first. */
        @WithDefault("20")
        int keep();

        /** Bytes all drafts may hold together; a draft or edit past it is refused with 507. */
        @WithDefault("268435456")
        long maxBytes();
    }

    interface Upload {
        @WithDefault("5242880")
        long maxFileBytes();

        @WithDefault("52428800")
        long maxTotalBytes();

        @WithDefault("500")
        int maxFiles();
    }

    interface Limits {
        /** A single pre-check is a few hundred bytes; other bodies have the server-wide quarkus.http.limits.max-body-size. */
        @WithDefault("64K")
        MemorySize checkBody();
    }

    interface DecisionLog {
        /** durable: in the log before the answer is sent; async: batched after, bounded loss on a crash; off. */
        @WithDefault("durable")
        String mode();

        @WithDefault("10000")
        int queueSize();

        @WithDefault("500")
        int maxGroup();

        @WithDefault("5ms")
        Duration asyncLinger();

        @WithDefault("10s")
        Duration maxWait();

        @WithDefault("30s")
        Duration drainTimeout();
    }

    interface Security {
        /** Users and API keys with hashed secrets. */
        @WithDefault("${tradecheck.data.dir}/users.properties")
        Path usersFile();

        /** Write the users file with random passwords, printed once, at the first start. */
        @WithDefault("true")
        boolean generateUsers();
    }
}
