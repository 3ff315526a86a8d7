package io.tradecheck.security;

import java.util.List;

/** The three kinds of people the service knows. A user may hold several roles. */
public final class Roles {
    /** Pre-checks and batch files. */
    public static final String CHECKER = "checker";
    /** Drafts, validation, impact, activation, rollback: trade specialists only. */
    public static final String RULE_EDITOR = "rule-editor";
    /** Reads the decision log and the rule history. */
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL = List.of(CHECKER, RULE_EDITOR, AUDITOR);

    private Roles() {
    }
}
