package io.tradecheck.batch;

/**
 * Who submitted a batch and under which id its lines go into the decision log, so that each line's decision names
 * its caller, job and line ({@code GET /api/v1/decisions?batchJob=<job>} lists exactly the lines decided).
 */
public record BatchOrigin(String caller, String job) {
}
