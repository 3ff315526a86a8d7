package io.tradecheck.engine;

/**
 * A notice a logic rule raises about a hit, e.g. "the all-in rate needs the MFN rate". It becomes a NOTICE finding that
 * borrows the legal basis and source of the row it is about, so the reader can look the measure up.
 */
public final class Notice {
    private final String ruleId;
    private final String title;
    private final String explanation;
    private final MeasureHit about;

    public Notice(String ruleId, String title, String explanation, MeasureHit about) {
        this.ruleId = ruleId;
        this.title = title;
        this.explanation = explanation;
        this.about = about;
    }

    public String getRuleId() { return ruleId; }
    public String getTitle() { return title; }
    public String getExplanation() { return explanation; }
    public MeasureHit getAbout() { return about; }
}
