package io.tradecheck.api;

import io.tradecheck.editing.NotFoundException;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.schedule.HtsLine;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The tariff schedule of the rule set in force (rules/hts), read-only: one line, and a typeahead search. */
@RolesAllowed({Roles.CHECKER, Roles.RULE_EDITOR, Roles.AUDITOR})
@Path("/api/v1/hts")
@Produces(MediaType.APPLICATION_JSON)
public class HtsResource {
    static final int MAX_LIMIT = 100;

    @Inject
    ShipmentChecker checker;
    @ConfigProperty(name = "tradecheck.customs-zone", defaultValue = "America/New_York")
    ZoneId customsZone;

    @GET
    @Path("{code}")
    @Operation(summary = "The HTS line in force on a date",
            description = "Code, description path, general/special/other rates as stated and as read, Chapter 99 "
                    + "references, and the dates the line stood so. An 8-digit code merged by USITC with its only "
                    + "statistical suffix (8471.30.01 -> 8471.30.01.00) finds the merged line.")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HtsLineView.class)))
    @APIResponse(responseCode = "404", description = "No line with that code in force on the date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HtsLineView scheduleLine(@PathParam("code") String code, @QueryParam("date") String date) {
        if (!code.matches(CheckRequest.HS_CODE_PATTERN)) {
            throw new BadRequestException("code must be 6 to 10 digits (dots and spaces allowed), not '" + code + "'");
        }
        RuleSet rules = checker.rules().current();
        LocalDate day = day(date, rules);
        HtsLine line = rules.schedule().line(code, day);
        if (line == null) {
            throw new NotFoundException("no HTS line " + code + " in force on " + day + " in the tariff schedule of pack "
                    + rules.info().version());
        }
        return HtsLineView.of(line);
    }

    @GET
    @Operation(summary = "Typeahead over the HTS lines in force on a date",
            description = "Digits (dots and spaces allowed) match codes by prefix; words match the description path "
                    + "(every word, case-insensitive). In code order, at most limit lines.")
    public List<HtsLineView> searchSchedule(@QueryParam("q") String q, @QueryParam("date") String date,
                                    @QueryParam("limit") @DefaultValue("20") int limit) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q is required: the start of a code (6109.10) or words of a description");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        RuleSet rules = checker.rules().current();
        return rules.schedule().search(q, day(date, rules), limit).stream().map(HtsLineView::of).toList();
    }

    private LocalDate day(String date, RuleSet rules) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(rules.clock().withZone(customsZone));
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date must be yyyy-MM-dd, not '" + date + "'");
        }
    }
}
