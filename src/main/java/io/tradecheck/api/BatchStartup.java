package io.tradecheck.api;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.tradecheck.batch.BatchJobs;
import io.tradecheck.batch.BatchValidator;
import io.tradecheck.batch.SharedJobStore;
import io.tradecheck.batch.UploadSpool;
import io.tradecheck.config.TradecheckConfig;
import io.tradecheck.engine.ShipmentChecker;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The batch beans: one validator over the service's checker and validator, with a pool of one thread per core for
 * checking lines; the upload spool under the data directory; the job store, which marks jobs cut off by the last
 * stop as LOST when the service starts.
 */
@ApplicationScoped
public class BatchStartup {
    private final ExecutorService checks = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "tradecheck-batch-check");
        t.setDaemon(true);
        return t;
    });

    @Produces
    @Singleton
    BatchValidator batchValidator(ShipmentChecker checker, Validator validator) {
        return new BatchValidator(checker, validator, checks, Runtime.getRuntime().availableProcessors());
    }

    @Produces
    @Singleton
    UploadSpool uploadSpool(TradecheckConfig config,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) throws IOException {
        UploadSpool spool = new UploadSpool(config.data().dir().resolve("uploads"), limit.asLongValue());
        spool.clean();
        return spool;
    }

    @Produces
    @Singleton
    @Startup
    BatchJobs batchJobs(TradecheckConfig config, BatchValidator validator) throws IOException {
        var cluster = config.cluster();
        // Replicas keep their jobs in the database (docs/operations.md); a single node in its data folder.
        SharedJobStore shared = cluster.enabled() ? new SharedJobStore(io.quarkus.arc.Arc.container().select(
                io.agroal.api.AgroalDataSource.class, new io.quarkus.agroal.DataSource.DataSourceLiteral(config.database())).get(),
                cluster.node().orElseGet(BatchStartup::nodeName), cluster.batchLease()) : null;
        BatchJobs jobs = new BatchJobs(config.data().dir(), validator, Clock.systemUTC(), shared);
        jobs.recover();
        return jobs;
    }

    /** This replica's name in the shared job rows: host name and process id, unique among live replicas. */
    static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    /**
     * On SIGTERM, before the decision log drains (observers run by priority, lowest first; the log's has the default):
     * the running job finishes its lines in flight and is marked INTERRUPTED, to resume at the next start.
     */
    void stopJobs(@Observes @Priority(1000) ShutdownEvent event, BatchJobs jobs,
                  @ConfigProperty(name = "tradecheck.batch.stop-timeout", defaultValue = "30s") Duration timeout) {
        jobs.stop(timeout);
    }

    void closeJobs(@Disposes BatchJobs jobs) {
        jobs.close();
        checks.shutdownNow();
    }
}
