package io.tradecheck.engine;

/**
 * Recorded by a stacking-order rule when one measure's hit takes precedence over another's, so the decision can say
 * which measure gave way and by which rule (e.g. "auto 232 first", EO 14289).
 */
public final class Superseded {
    private final MeasureHit winner;
    private final MeasureHit loser;
    private final String rule;

    public Superseded(MeasureHit winner, MeasureHit loser, String rule) {
        this.winner = winner;
        this.loser = loser;
        this.rule = rule;
    }

    public MeasureHit getWinner() { return winner; }
    public MeasureHit getLoser() { return loser; }
    public String getRule() { return rule; }
}
