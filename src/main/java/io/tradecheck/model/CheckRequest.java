package io.tradecheck.model;

import io.tradecheck.model.validation.CountryCode;
import io.tradecheck.model.validation.CurrencyCode;
import io.tradecheck.model.validation.IsoDate;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proposed shipment, as the pre-check API, the order files and the scenarios spell it. The field names are a
 * contract: shipping systems, batch files and scenario files depend on them.
 */
@Schema(description = "A proposed shipment to check before it moves")
public record CheckRequest(
        @Schema(description = "Caller's reference, echoed in the decision", examples = "PO-4711")
        @Size(max = 200) String reference,

        @Schema(description = "Country of origin of the goods, ISO 3166-1 alpha-2", examples = "CN", required = true)
        @NotBlank @CountryCode String originCountry,

        @Schema(description = "Country the goods are shipped to, ISO 3166-1 alpha-2", examples = "US", required = true)
        @NotBlank @CountryCode String destinationCountry,

        @Schema(description = "Country the goods are exported from; defaults to the origin", examples = "CN")
        @CountryCode String exportCountry,

        @Schema(description = "HS/HTS code, 6 to 10 digits; dots and spaces allowed", examples = "9506.62.40.40", required = true)
        @NotBlank @Pattern(regexp = HS_CODE_PATTERN, message = "must be 6 to 10 digits (dots and spaces allowed)") String hsCode,

        @Schema(description = "Export control classification number (e.g. 3D991), if the goods have one", examples = "3D991")
        @Pattern(regexp = "^\\s*[0-9][A-Ea-e][0-9]{3}(\\.[A-Za-z0-9.]+)?\\s*$|^\\s*EAR99\\s*$",
                message = "must be an ECCN such as 3D991 or 5A002.a, or EAR99") String eccn,

        @Schema(description = "Free-text goods description") @Size(max = 2000) String description,

        @Schema(description = "Customs value, >= 0, in the given currency", examples = "10000", required = true)
        @NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal customsValue,

        @Schema(description = "ISO 4217 currency of the customs value", examples = "USD", required = true)
        @NotBlank @CurrencyCode String currency,

        @Schema(description = "Optional. MFN (Column 1 General) duty rate in percent. Without it the rate is looked up in the HTS "
                + "schedule in force on the entry date (or the preferenceProgram's special rate); when given, it wins and "
                + "the decision notes any difference from the schedule. The 'all-in' deals need it either way.")
        @DecimalMin("0") @DecimalMax("1000") BigDecimal mfnRate,

        @Schema(description = "Date of entry (import) or export, ISO yyyy-MM-dd; default today", examples = "2025-04-15")
        @IsoDate String entryDate,

        @Schema(description = "True if the goods qualify for USMCA preference (General Note 11)")
        Boolean usmcaQualifying,

        @Schema(description = "Optional. Share of the customs value that is steel, aluminium or copper content, in percent. "
                + "Section 232 metal duties charged on metal content use it, and the other duties then apply to the rest; "
                + "without it the whole value is treated as metal content and the decision says so.", examples = "40")
        @DecimalMin("0") @DecimalMax("100") BigDecimal metalContentPercent,

        @Schema(description = "Optional. True if the goods are advanced logic chips (or contain them) meeting the thresholds of "
                + "the Section 232 semiconductor proclamation of 14 Jan 2026 and are not for an exempt end use (US data "
                + "centres, R&D, start-ups, consumer goods ...); false if not. Asked for HS 8471.50, 8471.80 and 8473.30.")
        Boolean semiconductor232Covered,

        @Schema(description = "Optional. For exports from the US: true if the end user or another party to the transaction is "
                + "owned 50% or more (directly or indirectly, alone or together) by parties on the Entity List or MEU list "
                + "or by certain SDNs (BIS Affiliates Rule, 90 FR 47201); false if not.")
        Boolean endUserOwnedByListedParty,

        @Schema(description = "Optional. Value of China-origin rare-earth items (MOFCOM Ann. 61 of 2025, Part 1) contained in "
                + "the goods, in percent of their value; the extraterritorial rule applies from 0.1%.", examples = "0.5")
        @DecimalMin("0") @DecimalMax("100") BigDecimal chinaRareEarthContentPercent,

        @Schema(description = "Optional. True if the importer claims a USTR product exclusion from the Section 301 (China) "
                + "duties for these goods.")
        Boolean section301ExclusionClaimed,

        @Schema(description = "Optional. Special programme claimed, as the HTS 'Special' column spells it (General Note 3(c)(i)): "
                + "S (USMCA), KR (Korea), AU (Australia), A (GSP) ... The programme's rate is used as the MFN rate when the "
                + "line lists it; otherwise the general rate, and the decision says why.", examples = "KR")
        @Pattern(regexp = "^\\s*[A-Za-z]{1,2}[+*]?\\s*$", message = "must be a programme symbol of the HTS Special column, "
                + "such as S, KR, AU or A+") String preferenceProgram,

        @Schema(description = "Optional. Quantity of the goods in the given unit; needed to work out a specific or compound "
                + "rate (\"2.4¢/kg + 5%\").", examples = "1200")
        @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal quantity,

        @Schema(description = "Optional. Unit of the quantity: kg, g, t, liter, pf.liter, each (No.), doz, pr, gross, 1000, m, m2, "
                + "m3, bbl ... Mass and count units convert to each other where exact (g/kg/t, each/doz/gross).", examples = "kg")
        @Size(max = 20) String unit,

        @Schema(description = "Optional. Chemical elements the goods consist of or contain as a controlled component, as "
                + "symbols separated by commas or spaces (e.g. \"Dy, Nd, Fe, B\" for a dysprosium-bearing NdFeB magnet). "
                + "China's export licences are element-specific (Ann. 18 of 2025: Sm, Gd, Tb, Dy, Lu, Sc, Y; Ann. 57 of "
                + "2025: Ho, Er, Tm, Eu, Yb; Ann. 23 of 2023: Ga, Ge); without it such goods get a notice, not a guess.",
                examples = "Dy, Nd")
        @Pattern(regexp = ELEMENTS_PATTERN, message = "must be chemical element symbols separated by commas or spaces, e.g. Dy, Nd")
        String elements,

        @Schema(description = "Optional. Days after the entry date within which a change of a measure that touches the "
                + "goods is reported as an UPCOMING_CHANGE finding (default 30; 0 turns the warning off).", examples = "30")
        @Min(0) @Max(3660) Integer horizonDays,

        @Schema(description = "Optional. True if the goods are parts of passenger vehicles or light trucks (Section 232 auto "
                + "parts, HTSUS note 33(g)) or of medium/heavy-duty vehicles (note 38(i)); false if not. Asked for listed "
                + "provisions whose HTS description names no vehicle (8471 computers, 8507.60 lithium-ion batteries, "
                + "bearings, electric motors ...): without it such goods get a notice and no auto-parts duty.")
        Boolean vehiclePartUse) {

    /** A request without the vehicle-part end use (as before the auto-parts list was loaded). */
    public CheckRequest(String reference, String originCountry, String destinationCountry, String exportCountry,
                        String hsCode, String eccn, String description, BigDecimal customsValue, String currency,
                        BigDecimal mfnRate, String entryDate, Boolean usmcaQualifying, BigDecimal metalContentPercent,
                        Boolean semiconductor232Covered, Boolean endUserOwnedByListedParty,
                        BigDecimal chinaRareEarthContentPercent, Boolean section301ExclusionClaimed,
                        String preferenceProgram, BigDecimal quantity, String unit, String elements, Integer horizonDays) {
        this(reference, originCountry, destinationCountry, exportCountry, hsCode, eccn, description, customsValue, currency,
                mfnRate, entryDate, usmcaQualifying, metalContentPercent, semiconductor232Covered, endUserOwnedByListedParty,
                chinaRareEarthContentPercent, section301ExclusionClaimed, preferenceProgram, quantity, unit, elements,
                horizonDays, null);
    }

    /** A request without the fields that came with the tariff schedule (preference programme, quantity, unit). */
    public CheckRequest(String reference, String originCountry, String destinationCountry, String exportCountry,
                        String hsCode, String eccn, String description, BigDecimal customsValue, String currency,
                        BigDecimal mfnRate, String entryDate, Boolean usmcaQualifying, BigDecimal metalContentPercent,
                        Boolean semiconductor232Covered, Boolean endUserOwnedByListedParty,
                        BigDecimal chinaRareEarthContentPercent, Boolean section301ExclusionClaimed) {
        this(reference, originCountry, destinationCountry, exportCountry, hsCode, eccn, description, customsValue, currency,
                mfnRate, entryDate, usmcaQualifying, metalContentPercent, semiconductor232Covered, endUserOwnedByListedParty,
                chinaRareEarthContentPercent, section301ExclusionClaimed, null, null, null, null, null, null);
    }

    /** Element symbols (one capital, an optional small letter) separated by commas and/or spaces. */
    public static final String ELEMENTS_PATTERN = "^\\s*[A-Z][a-z]?(\\s*[,\\s]\\s*[A-Z][a-z]?)*\\s*,?\\s*$";

    /** 6 to 10 digits, with any dots and spaces between them. */
    public static final String HS_CODE_PATTERN = "^[ .]*(?:[0-9][ .]*){6,10}$";
}
