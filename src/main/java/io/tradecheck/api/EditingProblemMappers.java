package io.tradecheck.api;

import io.tradecheck.editing.ActivationConflictException;
import io.tradecheck.editing.ActivationRefusedException;
import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.RuleHistoryUnavailableException;
import io.tradecheck.editing.UnchangedDraftException;
import io.tradecheck.editing.UploadRejectedException;
import io.tradecheck.pack.RulePackException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rule-editing errors as problems: each rule-pack problem listed with its file, line, column and reason. */
public class EditingProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(Problem.of(404, "Not Found", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response uploadRejected(UploadRejectedException e) {
        int status = switch (e.reason()) {
            case TOO_LARGE -> 413;
            case STORE_FULL -> 507;
            default -> 400;
        };
        String title = switch (status) {
            case 413 -> "Upload too large";
            case 507 -> "Draft storage full";
            default -> "Upload rejected";
        };
        return ProblemResponses.of(Problem.of(status, title, e.getMessage(), List.of()).withProblems(e.problems()));
    }

    @ServerExceptionMapper
    public Response refused(ActivationRefusedException e) {
        return ProblemResponses.of(Problem.of(422, "Rule pack not valid", e.getMessage(), List.of())
                .withProblems(e.verdict().errors()));
    }

    @ServerExceptionMapper
    public Response historyUnavailable(RuleHistoryUnavailableException e) {
        return ProblemResponses.of(Problem.of(503, "Rule history unavailable", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response conflict(ActivationConflictException e) {
        String title = e instanceof UnchangedDraftException ? "Draft unchanged" : "Draft out of date";
        return ProblemResponses.of(Problem.of(409, title, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response rulePack(RulePackException e) {
        return ProblemResponses.of(Problem.of(422, "Rule pack not valid",
                e.problems().size() + " problem(s) in the rule pack", List.of()).withProblems(e.problems()));
    }
}
