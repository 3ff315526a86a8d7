package io.tradecheck.api;

import io.tradecheck.editing.RuleActivation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while the rules folder does not load (status ERROR), so a load balancer stops sending traffic to a
 * replica that answers on an older version than its folder says. Liveness is not affected: the last good version
 * keeps serving and a restart would not fix the folder.
 */
@Readiness
@ApplicationScoped
public class RulesInForceCheck implements HealthCheck {
    @Inject
    RuleActivation activation;

    @Override
    public HealthCheckResponse call() {
        RuleActivation.State state = activation.state();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("rules in force")
                .status(state.status() == RuleActivation.Status.OK)
                .withData("version", state.version().number())
                .withData("packVersion", state.version().packVersion())
                .withData("digest", state.version().digest());
        if (state.lastError() != null) {
            health.withData("error", state.lastError().problems().size() + " problem(s) in the rules folder ("
                    + state.lastError().trigger() + "), first: " + state.lastError().problems().stream().findFirst()
                    .map(Object::toString).orElse("none") + "; see GET /api/v1/rules");
        }
        return health.build();
    }
}
