package io.tradecheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Special column's groups, from real lines. */
class SpecialRatesTest {

    @Test
    void eachProgrammeGetsTheRateOfItsGroup() {
        Map<String, SpecialRates.Preference> groups = SpecialRates.parse(
                "Free (A,AU,BH,CL,CO,D,IL, JO,KR,MA,NP,OM,P,PA,PE,R,S,SG) 7.2% (E)");
        assertTrue(groups.get("KR").rate().isFree());
        assertTrue(groups.get("JO").rate().isFree(), "spaces after commas are USITC's, not part of the symbol");
        assertEquals(new BigDecimal("7.2"), groups.get("E").rate().adValorem());
        assertNull(groups.get("JP"));
    }

    @Test
    void aReferenceToChapter98IsNotARate() {
        Map<String, SpecialRates.Preference> groups = SpecialRates.parse(
                "Free (BH,CL,JO,KR,MA,OM,P,PE,SG) See 9822.04.40 (AU) See 9823.04.01-9823.04.54 (S+)");
        assertFalse(groups.get("AU").rate().computable());
        assertEquals("See 9822.04.40", groups.get("AU").rate().text());
        assertTrue(groups.containsKey("S+"));
    }

    @Test
    void anAsteriskMarksExcludedCountriesButAPlusIsAProgrammeOfItsOwn() {
        Map<String, SpecialRates.Preference> groups = SpecialRates.parse("Free (A*,AU,BH,CL,CO,D,E,IL,JO,KR) 3.2% (JP)");
        assertEquals("A*", SpecialRates.find(groups, "A").programme());
        assertNull(SpecialRates.find(SpecialRates.parse("Free (A+,AU)"), "A"));
        assertTrue(SpecialRates.find(groups, "kr").rate().isFree(), "programme symbols are case-insensitive");
    }
}
