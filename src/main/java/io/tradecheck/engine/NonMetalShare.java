package io.tradecheck.engine;

/**
 * Recorded by a stacking-order rule when a tariff applies only to the part of the value that is not steel, aluminium
 * or copper content (the metal share pays the Section 232 duty instead; split-line entry from 4 Jun 2025).
 */
public final class NonMetalShare {
    private final MeasureHit hit;
    private final MeasureHit metal;

    public NonMetalShare(MeasureHit hit, MeasureHit metal) {
        this.hit = hit;
        this.metal = metal;
    }

    public MeasureHit getHit() { return hit; }
    public MeasureHit getMetal() { return metal; }
}
