package io.tradecheck.engine;

import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Shipment;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one evaluation path that the API, the batch files and the command line all call: a validated request in, a
 * decision out, on the rule set in force when the check starts.
 */
public final class ShipmentChecker {
    private final ActiveRuleSet rules;
    private final ZoneId customsZone;

    /** @param customsZone the zone whose calendar date stands in for a missing entry date (US entries: New York) */
    public ShipmentChecker(ActiveRuleSet rules, ZoneId customsZone) {
        this.rules = rules;
        this.customsZone = customsZone;
    }

    public Decision check(CheckRequest request) {
        return check(request, rules.current());
    }

    /**
     * Checks on a given rule set. A batch takes {@link ActiveRuleSet#current()} once and passes it here for every line,
     * so a whole order file is decided on one rule-set version even if the rules are swapped mid-file.
     */
    public Decision check(CheckRequest request, RuleSet ruleSet) {
        LocalDate today = LocalDate.now(ruleSet.clock().withZone(customsZone));
        return ruleSet.check(Shipment.of(request, today));
    }

    public ActiveRuleSet rules() {
        return rules;
    }
}
