package io.tradecheck.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradecheck.schedule.DutyRate;
import io.tradecheck.schedule.HtsLine;
import io.tradecheck.schedule.SpecialRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the tariff schedule as at a date, for people and the console.
 *
 * @param rateLine the line the rates are stated on (a 10-digit line pays the rates of its 8-digit subheading)
 * @param validTo  last day in force, inclusive; absent while in force in the latest revision imported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A line of the HTS in force on a date, with its description path, rates and Chapter 99 references")
public record HtsLineView(String code, String description, List<String> descriptionPath, String units, String rateLine,
                          String general, String special, String other, Rate generalRate, List<Preference> specialRates,
                          List<String> ch99, String revision, LocalDate validFrom, LocalDate validTo) {

    /** A rate as stated and as read: ad valorem percent and specific parts in US dollars per unit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rate(String text, BigDecimal adValorem, List<String> specific, boolean computable) {
        static Rate of(DutyRate rate) {
            return new Rate(rate.text(), rate.adValorem(), rate.specific().stream().map(DutyRate.Specific::toString).toList(),
                    rate.computable());
        }
    }

    /** A special programme's rate on this line ("KR": Free). */
    public record Preference(String programme, Rate rate) {
    }

    static HtsLineView of(HtsLine line) {
        List<Preference> special = line.specialRates().values().stream()
                .map((SpecialRates.Preference p) -> new Preference(p.programme(), Rate.of(p.rate()))).toList();
        return new HtsLineView(line.code(), line.description(), line.descriptionPath(), line.units(), line.rateLine(),
                line.general(), line.special(), line.other(), Rate.of(line.generalRate()), special, line.ch99(),
                line.revision(), line.from(), line.to());
    }
}
