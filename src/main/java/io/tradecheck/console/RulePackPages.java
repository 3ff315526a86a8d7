package io.tradecheck.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.engine.MeasureRow;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.FindingKind;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The rule pack in force, for trade specialists and auditors: its files (tables as grids, logic and scenarios as
 * text), "what applies to HS X from Y on date Z", and a measure's timeline.
 */
@Path("/console/rules")
@RolesAllowed({Roles.RULE_EDITOR, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class RulePackPages extends ConsolePage {
    @Inject
    @Location("console/rules.html")
    Template overview;
    @Inject
    @Location("console/rule-file.html")
    Template file;
    @Inject
    @Location("console/applies.html")
    Template applies;
    @Inject
    @Location("console/timeline.html")
    Template timeline;
    @Inject
    RuleActivation activation;
    @Inject
    ShipmentChecker checker;

    @GET
    public TemplateInstance overview() {
        RuleActivation.State state = activation.state();
        List<RuleFile> files = liveFiles();
        List<String> measures = state.ruleSet().rows().all().stream().map(MeasureRow::measureId).distinct().sorted().toList();
        return overview.data("state", state).data("info", state.ruleSet().info())
                .data("tables", files.stream().filter(RuleFile::isTable).toList())
                .data("logic", files.stream().filter(RuleFile::isDrl).toList())
                .data("scenarios", files.stream().filter(RuleFile::isScenario).toList())
                .data("other", files.stream().filter(f -> !f.isTable() && !f.isDrl() && !f.isScenario()).toList())
                .data("measures", measures);
    }

    @GET
    @Path("file")
    public TemplateInstance file(@QueryParam("path") String path, @QueryParam("measure") String measure) {
        RuleFile f = liveFiles().stream().filter(x -> x.path().equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("The rule pack in force has no file " + path));
        TableGrid grid = f.isTable() && f.path().endsWith(".csv") ? TableGrid.parse(f.content()) : null;
        return file.data("file", f)
                .data("grid", grid == null ? null : GridView.of(grid, filter(grid, measure), f.path(), List.of()))
                .data("measure", measure == null ? "" : measure)
                .data("text", grid == null && !f.path().endsWith(".xlsx") ? new String(f.content(), StandardCharsets.UTF_8) : null);
    }

    @GET
    @Path("applies")
    public TemplateInstance applies(@QueryParam("hs") String hs, @QueryParam("origin") String origin,
                                    @QueryParam("date") String date) {
        TemplateInstance page = applies.data("hs", hs == null ? "" : hs).data("origin", origin == null ? "" : origin)
                .data("date", date == null || date.isBlank() ? LocalDate.now().toString() : date)
                .data("countries", CountryNames.all()).data("result", null).data("error", null);
        if (hs == null || hs.isBlank() || origin == null || origin.isBlank()) {
            return page;
        }
        LocalDate on;
        try {
            on = date == null || date.isBlank() ? LocalDate.now() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return page.data("error", "date: must be a date, yyyy-MM-dd");
        }
        if (!hs.matches(CheckRequest.HS_CODE_PATTERN)) {
            return page.data("error", "HS code: must be 6 to 10 digits (dots and spaces allowed)");
        }
        CheckRequest request = new CheckRequest(null, origin, "US", null, hs, null, null, new BigDecimal("1000"), "USD",
                null, on.toString(), null, null, null, null, null, null);
        RuleSet rules = activation.active().current();
        return page.data("result", DecisionView.of(checker.evaluate(request, rules, on)));
    }

    @GET
    @Path("timeline")
    public TemplateInstance timeline(@QueryParam("measure") String measure) {
        List<MeasureRow> rows = activation.active().current().rows().all().stream()
                .filter(r -> r.measureId().equals(measure))
                .sorted(Comparator.comparing(MeasureRow::from, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No measure " + measure + " in the rule pack in force");
        }
        List<Charts.Span> spans = rows.stream().map(r -> new Charts.Span(lane(r), r.from(), r.to(), r.rate(),
                r.kind() == FindingKind.PAUSED_TARIFF)).toList();
        return timeline.data("measure", measure).data("rows", rows)
                .data("chart", Charts.timeline("Rates of " + measure + " over time; pauses shaded", spans));
    }

    /** The scope a row applies to, short enough to label a lane. */
    private static String lane(MeasureRow r) {
        String scope = (r.origin().isAny() ? "all origins" : String.join(" ", r.origin().included()))
                + (r.hsPrefix().isEmpty() ? "" : " HS " + r.hsPrefix()) + (r.claim() == null ? "" : " " + r.claim());
        return scope.length() > 26 ? scope.substring(0, 25) + "…" : scope;
    }

    private List<RuleFile> liveFiles() {
        return activation.version(activation.state().version().number()).map(RuleHistory.Stored::source)
                .orElseThrow(() -> new IllegalStateException("the version in force is not in the history")).files();
    }

    static List<TableGrid.Row> filter(TableGrid grid, String measure) {
        int column = grid.column("measureId");
        if (measure == null || measure.isBlank() || column < 0) {
            return grid.rows();
        }
        return grid.rows().stream().filter(r -> r.cell(column).strip().equals(measure.strip())).toList();
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}
