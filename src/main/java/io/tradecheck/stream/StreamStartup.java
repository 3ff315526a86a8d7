package io.tradecheck.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradecheck.config.TradecheckConfig;
import io.tradecheck.engine.ShipmentChecker;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

/**
 * Starts the order-line stream's consumers with the service when {@code tradecheck.stream.enabled=true}: the same
 * {@link ShipmentChecker} as the API, so each line is decided on the rules in force and kept in the decision log as a
 * line of the batch job {@code stream:<topic>/<partition>}. Stops them before the decision log drains.
 */
@ApplicationScoped
public class StreamStartup {
    private static final Logger LOG = Logger.getLogger(StreamStartup.class);

    private volatile OrderStream stream;

    void start(@Observes StartupEvent event, TradecheckConfig all, Instance<ShipmentChecker> checker,
               Instance<Validator> validator) {
        TradecheckConfig.Stream config = all.stream();
        if (!config.enabled()) {
            return;
        }
        StreamSettings settings = settings(config);
        stream = OrderStream.start(settings, checker.get(), validator.get(), config.name().orElse(OrderStream.defaultName()));
        LOG.infof("Order-line stream: %d consumer(s) in group %s on %s, %s -> %s (dead letters: %s)",
                settings.consumers(), settings.groupId(), settings.bootstrapServers(), settings.ordersTopic(),
                settings.resultsTopic(), settings.deadLetterTopic());
    }

    /** Observers run lowest priority first; the decision log's drain has the default, so the lines in hand get logged. */
    void stop(@Observes @Priority(900) ShutdownEvent event, TradecheckConfig all) {
        TradecheckConfig.Stream config = all.stream();
        OrderStream running = stream;
        if (running != null) {
            running.stop(config.stopTimeout());
            stream = null;
        }
    }

    static StreamSettings settings(TradecheckConfig.Stream c) {
        return new StreamSettings(c.bootstrapServers(), c.ordersTopic(), c.resultsTopic(), c.deadLetterTopic(),
                c.groupId(), c.consumers(), c.caller(), c.kafka());
    }

    /** The running stream, or null when it is off. */
    public OrderStream stream() {
        return stream;
    }
}
