package io.tradecheck.console;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.editing.NotFoundException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The checker's pre-check form and its answer. The check goes through the same {@link ShipmentChecker} as the API. */
@Path("/console/check")
@RolesAllowed(Roles.CHECKER)
public class CheckerPages extends ConsolePage {
    @Inject
    @Location("console/check.html")
    Template page;
    @Inject
    ShipmentChecker checker;
    @Inject
    Validator validator;
    @Inject
    HsDescriptions schedule;

    /** The form as typed, so a refused form comes back filled in. */
    public record CheckForm(String reference, String hsCode, String originCountry, String exportCountry,
                            String destinationCountry, String entryDate, String customsValue, String currency,
                            String mfnRate, String eccn, boolean usmcaQualifying, String metalContentPercent,
                            String preferenceProgram, String quantity, String unit, String elements,
                            String vehiclePartUse) {
        static CheckForm blank() {
            return new CheckForm("", "", "", "", "US", LocalDate.now().toString(), "10000", "USD", "", "", false, "",
                    "", "", "", "", "");
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return render(CheckForm.blank(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance check(@RestForm String reference, @RestForm String hsCode, @RestForm String originCountry,
                                  @RestForm String exportCountry, @RestForm String destinationCountry,
                                  @RestForm String entryDate, @RestForm String customsValue, @RestForm String currency,
                                  @RestForm String mfnRate, @RestForm String eccn, @RestForm String usmcaQualifying,
                                  @RestForm String metalContentPercent, @RestForm String preferenceProgram,
                                  @RestForm String quantity, @RestForm String unit, @RestForm String elements,
                                  @RestForm String vehiclePartUse) {
        CheckForm form = new CheckForm(reference, hsCode, originCountry, exportCountry, destinationCountry, entryDate,
                customsValue, currency, mfnRate, eccn, usmcaQualifying != null, metalContentPercent, preferenceProgram,
                quantity, unit, elements, vehiclePartUse);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal value = number("customsValue", customsValue, errors);
        BigDecimal mfn = number("mfnRate", mfnRate, errors);
        BigDecimal metal = number("metalContentPercent", metalContentPercent, errors);
        BigDecimal amount = number("quantity", quantity, errors);
        // "yes" / "no" / not stated: not stating the end use of a broad auto-parts provision gets a notice, not a duty.
        Boolean partUse = "yes".equals(vehiclePartUse) ? Boolean.TRUE : "no".equals(vehiclePartUse) ? Boolean.FALSE : null;
        CheckRequest request = new CheckRequest(blankToNull(reference), blankToNull(originCountry),
                blankToNull(destinationCountry), blankToNull(exportCountry), blankToNull(hsCode), blankToNull(eccn), null,
                value, blankToNull(currency), mfn, blankToNull(entryDate), usmcaQualifying != null ? Boolean.TRUE : null,
                metal, null, null, null, null, blankToNull(preferenceProgram), amount, blankToNull(unit),
                blankToNull(elements), null, partUse);
        for (ConstraintViolation<CheckRequest> v : validator.validate(request)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (!errors.isEmpty()) {
            return render(form, errors, null);
        }
        Decision decision = checker.check(request);
        return render(form, errors, DecisionView.of(decision));
    }

    /** Typeahead for the HS field: codes and descriptions from the schedule (none until one is loaded). */
    @GET
    @Path("/hs")
    @Produces(MediaType.APPLICATION_JSON)
    public List<HsDescriptions.Suggestion> suggest(@QueryParam("q") String q, @QueryParam("date") String date) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        LocalDate on;
        try {
            on = date == null || date.isBlank() ? LocalDate.now() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            on = LocalDate.now();
        }
        return schedule.suggest(q.trim(), on, 10);
    }

    private TemplateInstance render(CheckForm form, Map<String, String> errors, DecisionView result) {
        return page.data("form", form).data("errors", errors).data("result", result)
                .data("countries", CountryNames.all());
    }

    private static BigDecimal number(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number, e.g. 10000 or 2.5");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}
