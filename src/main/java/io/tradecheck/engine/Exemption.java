package io.tradecheck.engine;

/** Recorded by the logic rules when an exemption hit lifts a tariff hit, so the decision can say what it lifted. */
public final class Exemption {
    private final MeasureHit exemption;
    private final MeasureHit lifted;

    public Exemption(MeasureHit exemption, MeasureHit lifted) {
        this.exemption = exemption;
        this.lifted = lifted;
    }

    public MeasureHit getExemption() { return exemption; }
    public MeasureHit getLifted() { return lifted; }
}
