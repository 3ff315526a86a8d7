package io.tradecheck.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.decisionlog.DecisionQuery;
import io.tradecheck.decisionlog.DecisionReplay;
import io.tradecheck.decisionlog.DecisionArchive;
import io.tradecheck.decisionlog.LoggedDecision;
import io.tradecheck.editing.NotFoundException;
import io.tradecheck.model.Decision;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The auditor's decision log: search by reference, date, rule and outcome; open a decision; replay it on its own
 * rules and on today's with the difference shown ({@link DecisionReplay}, as the API does).
 */
@Path("/console/decisions")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.TEXT_HTML)
public class DecisionLogPages extends ConsolePage {
    static final int PAGE = 100;
    /** A rule filter looks at this many newest matches of the other criteria (the log is not indexed by rule). */
    static final int RULE_SCAN = 1000;

    @Inject
    @Location("console/decisions.html")
    Template search;
    @Inject
    @Location("console/decision-entry.html")
    Template entry;
    @Inject
    @Location("console/replay.html")
    Template replayPage;
    @Inject
    DecisionArchive store;
    @Inject
    DecisionReplay replay;
    @Inject
    ObjectMapper json;

    public record Criteria(String reference, String from, String to, String rule, String outcome) {
    }

    @GET
    public TemplateInstance search(@QueryParam("reference") String reference, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("rule") String rule,
                                   @QueryParam("outcome") String outcome) throws SQLException {
        Criteria c = new Criteria(blank(reference), blank(from), blank(to), blank(rule), blank(outcome));
        TemplateInstance page = search.data("c", c).data("error", null).data("rows", List.of()).data("total", 0L)
                .data("outcomes", io.tradecheck.model.Outcome.values());
        Instant start;
        Instant end;
        try {
            start = c.from() == null ? null : LocalDate.parse(c.from()).atStartOfDay(ZoneOffset.UTC).toInstant();
            end = c.to() == null ? null : LocalDate.parse(c.to()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return page.data("error", "Dates must be yyyy-MM-dd.");
        }
        DecisionQuery q = new DecisionQuery(start, end, c.reference(), c.outcome() == null ? null : c.outcome().toUpperCase(Locale.ROOT),
                null, null, c.rule() == null ? PAGE : RULE_SCAN, 0);
        List<LoggedDecision> rows = store.query(q);
        if (c.rule() != null) {
            String needle = "\"ruleId\":\"" + c.rule() + "\"";
            rows = rows.stream().filter(d -> d.responseJson() != null && d.responseJson().contains(needle)).limit(PAGE).toList();
        }
        return page.data("rows", rows).data("total", c.rule() == null ? store.count(q) : (long) rows.size());
    }

    @GET
    @Path("{id}")
    public TemplateInstance decision(@PathParam("id") String id) throws SQLException, IOException {
        LoggedDecision d = store.find(id).orElseThrow(() -> new NotFoundException("No decision " + id + " in the log"));
        Decision answer = json.readValue(d.responseJson(), Decision.class);
        return entry.data("d", d).data("view", DecisionView.of(answer)).data("request", pretty(d.requestJson()));
    }

    @GET
    @Path("{id}/replay")
    public TemplateInstance replay(@PathParam("id") String id) throws SQLException {
        DecisionReplay.Result r = replay.replay(id).orElseThrow(() -> new NotFoundException("No decision " + id + " in the log"));
        return replayPage.data("r", r).data("id", id)
                .data("recorded", DecisionView.of(r.recorded()))
                .data("own", r.withRecordedRules() == null ? null : DecisionView.of(r.withRecordedRules()))
                .data("today", DecisionView.of(r.withActiveRules()));
    }

    private String pretty(String text) throws IOException {
        return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json.readTree(text));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}
